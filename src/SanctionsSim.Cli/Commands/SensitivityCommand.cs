using System.CommandLine;
using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.Cli.Output;
using Spectre.Console;

namespace SanctionsSim.Cli.Commands;

/// <summary><c>sanctionssim sensitivity --function ishigami|sobol-g --method sobol …</c>: Sobol indices of a built-in test function, for users to check the method.</summary>
internal static class SensitivityCommand
{
    public static Command Create(CliContext context)
    {
        var function = new Option<string>("--function") { Description = "A built-in test function: ishigami (a = 7, b = 0.1) or sobol-g (a = 0, 1, 4.5, 9, 99).", DefaultValueFactory = _ => "ishigami" }
            .AcceptOnlyFromAmong("ishigami", "sobol-g");
        var method = new Option<string>("--method") { Description = "The method: sobol (first-order and total indices, Saltelli sampling).", DefaultValueFactory = _ => "sobol" }
            .AcceptOnlyFromAmong("sobol");
        var samples = new Option<int>("--samples") { Description = "N, rows of each sample matrix (N·(k + 2) evaluations; default 4096).", DefaultValueFactory = _ => 4096 };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap resamples for the intervals (default 200).", DefaultValueFactory = _ => 200 };
        var seed = Common.Seed();
        var format = Common.Format();
        var confidence = Common.Confidence();
        var command = new Command("sensitivity", "Global sensitivity analysis of a built-in test function (scenario levers arrive with experiment designs).")
        {
            function, method, samples, bootstrap, seed, format, confidence,
        };
        command.SetAction(async (parse, token) =>
        {
            int n = parse.GetValue(samples);
            int b = parse.GetValue(bootstrap);
            double c = parse.GetValue(confidence);
            if (n is < 16 or > 10_000_000)
            {
                throw new UserInputException($"--samples must be in [16, 10000000]; got {n}.");
            }

            if (b is < 0 or > 100_000)
            {
                throw new UserInputException($"--bootstrap must be in [0, 100000]; got {b}.");
            }

            if (!(c > 0 && c < 1))
            {
                throw new UserInputException($"--confidence must lie strictly between 0 and 1; got {c}.");
            }

            string name = parse.GetValue(function)!;
            double[] g = [0, 1, 4.5, 9, 99];
            SensitivityParameter[] parameters = name == "ishigami"
                ? Enumerable.Range(1, 3).Select(i => new SensitivityParameter { Name = "x" + i, Lower = -Math.PI, Upper = Math.PI }).ToArray()
                : g.Select((_, i) => new SensitivityParameter { Name = "x" + (i + 1), Lower = 0, Upper = 1 }).ToArray();
            Func<double[], double> model = name == "ishigami" ? x => SobolAnalysis.Ishigami(x) : x => SobolAnalysis.SobolG(x, g);
            var indices = await Task.Run(() => SobolAnalysis.Analyze(model, parameters, n, parse.GetValue(seed), b, c), token).ConfigureAwait(false);
            var array = new JsonArray();
            foreach (var s in indices)
            {
                array.Add(new JsonObject
                {
                    ["name"] = s.Name,
                    ["first"] = s.First,
                    ["firstLower"] = s.FirstInterval.Lower,
                    ["firstUpper"] = s.FirstInterval.Upper,
                    ["total"] = s.Total,
                    ["totalLower"] = s.TotalInterval.Lower,
                    ["totalUpper"] = s.TotalInterval.Upper,
                });
            }

            var json = new JsonObject
            {
                ["function"] = name,
                ["method"] = "sobol",
                ["samples"] = n,
                ["evaluations"] = n * (parameters.Length + 2),
                ["seed"] = parse.GetValue(seed),
                ["confidence"] = c,
                ["indices"] = array,
            };
            switch (parse.GetValue(format))
            {
                case "json":
                    await context.Output.WriteAsync(SummaryJson.ToText(json)).ConfigureAwait(false);
                    break;
                default:
                    var table = Common.Titled($"Sobol indices of {name}, N = {n:N0} ({n * (parameters.Length + 2):N0} evaluations), {c:P0} bootstrap intervals")
                        .AddColumn("input").AddColumn(new TableColumn("first order").RightAligned()).AddColumn(new TableColumn("total").RightAligned());
                    foreach (var s in indices)
                    {
                        Common.Row(table, s.Name, $"{Common.F(s.First, "F4")} [{Common.F(s.FirstInterval.Lower, "F3")}, {Common.F(s.FirstInterval.Upper, "F3")}]", $"{Common.F(s.Total, "F4")} [{Common.F(s.TotalInterval.Lower, "F3")}, {Common.F(s.TotalInterval.Upper, "F3")}]");
                    }

                    Common.Console(context.Output, context.Interactive).Write(table);
                    break;
            }

            return CliApp.Success;
        });
        return command;
    }
}
