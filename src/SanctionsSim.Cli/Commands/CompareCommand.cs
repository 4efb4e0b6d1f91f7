using System.CommandLine;
using SanctionsSim.Analysis;
using SanctionsSim.IO;
using SanctionsSim.Plotting;
using Spectre.Console;

namespace SanctionsSim.Cli.Commands;

/// <summary><c>sanctionssim compare A B …</c>: policy packages on common random numbers.</summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var arms = new Argument<string[]>("SCENARIO") { Description = "Two or more scenario files or preset names; the first is the reference.", Arity = new ArgumentArity(2, 64) };
        var runs = Common.Runs(1000);
        var seed = Common.Seed();
        var threads = Common.Threads();
        var output = Common.Out();
        var format = Common.Format();
        var confidence = Common.Confidence();
        var report = Common.Report();
        var explain = new Option<bool>("--explain") { Description = "After the table, explain every term it uses (the glossary, docs/glossary.md)." };
        var posterior = Common.Posterior();
        var structureOption = Common.Structure();
        var command = new Command("compare", "Compare policy packages on common random numbers (the same officers, ties, shocks and noise in every arm): effects with intervals and the variance reduction.")
        {
            arms, runs, seed, threads, output, format, confidence, explain, report, structureOption, posterior,
        };
        command.SetAction(async (parse, token) =>
        {
            var scenarios = parse.GetValue(arms)!.Select(InputFiles.LoadScenario).ToArray();
            CheckDistinctNames(scenarios);

            DirectoryInfo? outFolder = parse.GetValue(output);
            InputFiles.CheckOutFolder(outFolder);
            var options = Common.MonteCarlo(parse.GetValue(runs), parse.GetValue(seed), parse.GetValue(threads), parse.GetValue(confidence));
            var structure = Common.Structure(parse, structureOption, posterior);
            var comparison = new PolicyComparison(scenarios, structure.Posterior);
            var result = await Common.RunWithProgressAsync(context with { Cancellation = token }, "comparing " + scenarios.Length + " arms", options.Replications, (progress, ct) => comparison.Run(options, progress, ct)).ConfigureAwait(false);
            var json = CompareText.Json(result, structure, comparison.Posterior);
            await Emit.Result(context, parse.Format(format), () => json, () => ResultsCsv.Comparison(result.Summary, result.Confidence), async () =>
            {
                PrintTable(context, result.Summary, result.Confidence, result.Replications, parse.GetValue(explain));
                await context.Output.WriteLineAsync(structure.Line()).ConfigureAwait(false);
            }).ConfigureAwait(false);

            if (parse.GetValue(report) is FileInfo reportFile)
            {
                string sources = string.Join(' ', parse.GetValue(arms)!.Select(ShellWords.Quote))
                    + structure.Arguments()
                    + (result.Confidence != 0.95 ? " --confidence " + result.Confidence.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
                AtomicFile.WriteAllText(reportFile.FullName, HtmlReport.ForComparison(result, scenarios, sources, structure.Line()));
                await context.Error.WriteLineAsync($"wrote the report {reportFile.FullName} (open it in a browser; it needs no network)").ConfigureAwait(false);
            }

            if (outFolder is not null)
            {
                Directory.CreateDirectory(outFolder.FullName);
                AtomicFile.WriteAllText(Path.Combine(outFolder.FullName, "comparison.json"), SummaryJson.ToText(json));
                var files = new List<string>();
                files.AddRange(Charts.Save(Charts.PolicyComparison(result.Summary, result.Confidence), Path.Combine(outFolder.FullName, "comparison")));
                files.AddRange(Charts.Save(Charts.SurvivalCurves(result.Summary, result.Confidence), Path.Combine(outFolder.FullName, "comparison-survival")));
                files.AddRange(Charts.Save(Charts.FanCharts(result.Summary), Path.Combine(outFolder.FullName, "comparison-fan")));
                await context.Error.WriteLineAsync($"wrote comparison.json and {files.Count} plots to {outFolder.FullName}").ConfigureAwait(false);
            }

            if (result.IsPartial)
            {
                await context.Error.WriteLineAsync($"partial: stopped after {result.Replications:N0} of {options.Replications:N0} paired replications.").ConfigureAwait(false);
                return CliApp.Failure;
            }

            return CliApp.Success;
        });
        return command;
    }

    /// <summary>Arms need different names (they label the rows, the report and the JSON); a student who copied a preset is told to change "name".</summary>
    internal static void CheckDistinctNames(IReadOnlyList<Model.Scenario> scenarios)
    {
        var names = scenarios.Select(s => s.Name).ToArray();
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            string twice = names.GroupBy(n => n, StringComparer.Ordinal).First(g => g.Count() > 1).Key;
            throw new UserInputException($"The arms must have different scenario names; got {string.Join(", ", names)}. Change \"name\" in one of the files (for example \"name\": \"{twice}-mine\"): the name labels the arm in the table and the report.");
        }
    }

    internal static void PrintTable(CliContext context, ComparisonSummary s, double c, long runs, bool explain)
    {
        var console = Common.Console(context.Output, context.Interactive);
        foreach (string sentence in Readable.Verdict(s, c))
        {
            context.Output.WriteLine(sentence); // not wrapped: one sentence, one line
        }

        console.WriteLine();
        var reductions = CompareText.Reductions(s, c);
        console.Write(Common.Draw(CompareText.Table(s, c, runs)));
        console.WriteLine("pp: percentage points, the difference between two percentages (from 1 % to 3 % is +2 pp, where +200 % would be the relative change).");
        if (reductions.Count > 0)
        {
            console.WriteLine("Pairing on common random numbers made each difference as precise as independent batches of this many times the runs: " + string.Join("; ", reductions) + ".");
        }

        console.WriteLine(Common.Explain(explain));
    }


}
