using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.Calibration;
using SanctionsSim.IO;
using SanctionsSim.Scorecard;
using Spectre.Console;

namespace SanctionsSim.Cli.Commands;

/// <summary><c>sanctionssim constants</c>: do the fixed payoff-scale constants matter for the case base's scores? (issue #26 item 4; docs/constants.md)</summary>
internal static class ConstantsCommand
{
    public static Command Create(CliContext context)
    {
        var cases = new Option<string[]>("--case") { Description = "A case to score (repeatable; default every case of the case base)." };
        var constants = new Option<string[]>("--constant") { Description = $"A constant to vary (repeatable; default all: {string.Join(", ", PayoffConstants.All.Select(c => c.Name))})." };
        var samples = new Option<int>("--samples") { Description = "N of the Saltelli design: N · (k + 2) points for k constants.", DefaultValueFactory = _ => 32 };
        var runs = new Option<int>("--runs", "-n") { Description = "Runs of each case at each point.", DefaultValueFactory = _ => 50 };
        var posterior = Common.Posterior();
        posterior.Description = "The posterior the runs draw their structure from: 'default' (the shipped one, the default) or a posterior.json.";
        var seed = Common.Seed();
        var threads = Common.Threads();
        var format = Common.Format("table", "json");
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Write constants.json and constants.md into this folder." };
        var command = new Command("constants", "Whether the fixed constants that set the payoff scale (purge cost, reprisal severity, gain, prosecution, ψ, χ, the critical share) matter: Sobol indices of the case base's Brier and log scores over their factors.")
        {
            cases, constants, samples, runs, posterior, seed, threads, format, output,
        };
        command.SetAction(async (parse, token) =>
        {
            List<HistoricalCase> selected = Common.Cases(parse, cases);
            List<PayoffConstant> varied;
            var options = new ConstantSensitivityOptions
            {
                Samples = parse.GetValue(samples), Runs = parse.GetValue(runs), Posterior = InputFiles.LoadPosterior(parse.GetValue(posterior) ?? "default"),
                Seed = parse.GetValue(seed), MaxDegreeOfParallelism = parse.GetValue(threads),
            };
            try
            {
                varied = (parse.GetValue(constants) is { Length: > 0 } named ? named.Select(Constant) : PayoffConstants.All).ToList();
                options.Validate();
            }
            catch (ArgumentException e)
            {
                throw new UserInputException(e.Message.Split(" (Parameter")[0]);
            }

            DirectoryInfo? folder = parse.GetValue(output);
            InputFiles.CheckOutFolder(folder);
            long points = (long)options.Samples * (varied.Count + 2);
            var progress = new Progress<long>(p =>
            {
                if (p % Math.Max(1, points / 10) == 0)
                {
                    context.Error.WriteLine($"constants: {p} of {points + 1} points done");
                }
            });
            ConstantSensitivityResult result;
            try
            {
                result = await Task.Run(() => ConstantSensitivity.Run(selected, varied, options, context.Interactive ? null : progress, token), token).ConfigureAwait(false);
            }
            catch (ArgumentException e) when (e.ParamName is "cases" or "constants")
            {
                throw new UserInputException(e.Message.Split(" (Parameter")[0]);
            }

            var json = ConstantsPage.ToJson(result, string.Join(" ", parse.Tokens.Select(t => t.Value)));
            if (parse.GetValue(format) == "json")
            {
                await context.Output.WriteLineAsync(PageJson.Text(json)).ConfigureAwait(false);
            }
            else
            {
                await context.Output.WriteLineAsync("Verdict: " + ConstantsPage.Verdict(json)).ConfigureAwait(false);
                Common.Console(context.Output, context.Interactive).Write(Common.Draw(ConstantsPage.Table(result)));
            }

            if (folder is not null)
            {
                folder.Create();
                PageJson.Write(Path.Combine(folder.FullName, "constants.json"), json);
                AtomicFile.WriteAllText(Path.Combine(folder.FullName, "constants.md"), ConstantsPage.Render(json));
                await context.Error.WriteLineAsync($"wrote constants.json and constants.md to {folder.FullName}").ConfigureAwait(false);
            }

            return CliApp.Success;
        });
        return command;
    }

    private static PayoffConstant Constant(string name)
    {
        try
        {
            return PayoffConstants.Get(name);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("--constant: " + e.Message.Split(" (Parameter")[0], e);
        }
    }
}
