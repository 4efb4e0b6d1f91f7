using System.CommandLine;
using SanctionsSim.IO;
using SanctionsSim.IO.Batches;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Plotting;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;
using Spectre.Console;

namespace SanctionsSim.Cli.Commands;

/// <summary><c>sanctionssim run [FILE] [--preset NAME] …</c>: a Monte Carlo batch of one scenario.</summary>
internal static class RunCommand
{
    /// <summary>The most runs <c>--out</c> records (about 200 bytes each).</summary>
    public const long MaxRecordedRuns = 10_000_000;

    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo?>("FILE") { Description = "A scenario file (JSON); omit to run a preset.", Arity = ArgumentArity.ZeroOrOne };
        var preset = new Option<string?>("--preset", "-p") { Description = $"A built-in scenario (default {Presets.Default}); see 'sanctionssim presets'." };
        var runs = Common.Runs(1000);
        var seed = Common.Seed();
        var threads = Common.Threads();
        var weeks = new Option<int?>("--weeks", "-w") { Description = "Override the scenario's horizon in weeks (1 to 10,000)." };
        var output = Common.Out();
        var format = Common.Format();
        var confidence = Common.Confidence();
        var resume = new Option<bool>("--resume") { Description = "With --out: continue the batch from the checkpoint an interrupted run left in the folder." };
        var report = Common.Report();
        var posteriorOption = Common.Posterior();
        var structureOption = Common.Structure();
        var facts = Common.Facts();
        var explain = new Option<bool>("--explain") { Description = "After the results, explain every term they use (the glossary, docs/glossary.md)." };
        var detail = new Option<bool>("--detail") { Description = "Print every table (all quantities, by faction, adaptive agents) instead of the verdict and five numbers." };
        var every = new Option<long>("--checkpoint-every") { Description = "With --out: replications between checkpoints.", DefaultValueFactory = _ => 500 };
        var rare = RareEventRun.Flag();
        var particles = RareEventRun.Particles();
        var splittingRuns = RareEventRun.Runs();
        var rareMethod = RareEventRun.Method();
        var pilotParticles = RareEventRun.PilotParticles();
        var command = new Command("run", "Run a Monte Carlo batch of a scenario and print its summary: collapse probability, timing, defections, costs, each with its uncertainty.")
        {
            file, preset, runs, seed, threads, weeks, output, format, confidence, resume, every, detail, explain, report, structureOption, posteriorOption, facts, rare, particles, splittingRuns, rareMethod, pilotParticles,
        };
        command.SetAction(async (parse, token) =>
        {
            Scenario scenario = InputFiles.FileOrPreset(parse.GetValue(file), parse.GetValue(preset));
            if (parse.GetValue(weeks) is int w)
            {
                if (w is < 1 or > 10_000)
                {
                    throw new UserInputException($"--weeks must be in [1, 10000]; got {w}.");
                }

                scenario = scenario with { Weeks = w, Events = scenario.Events.Where(e => e.Week < w).ToArray() };
            }

            DirectoryInfo? outFolder = parse.GetValue(output);
            InputFiles.CheckOutFolder(outFolder);
            if (parse.GetValue(rare))
            {
                foreach (Option other in (Option[])[runs, report, explain, every])
                {
                    if (parse.GetResult(other) is { Implicit: false })
                    {
                        throw new UserInputException($"{other.Name} does not apply with --rare-event (use --particles and --splitting-runs; see docs/rare-events.md).");
                    }
                }

                string method = parse.GetValue(rareMethod)!;
                if (method == "path" && parse.GetResult(pilotParticles) is { Implicit: false })
                {
                    throw new UserInputException("--pilot-particles does not apply with --rare-method path (it has no pilot).");
                }

                var splitting = new RareEventSettings(method, parse.GetValue(particles), parse.GetValue(splittingRuns), parse.GetValue(pilotParticles), parse.GetValue(seed), parse.GetValue(confidence), parse.GetValue(threads))
                {
                    Structure = Common.Structure(parse, structureOption, posteriorOption),
                };
                return await RareEventRun.RunAsync(context, scenario, splitting, outFolder, parse.GetValue(resume), parse.GetValue(format), parse.GetValue(detail), token).ConfigureAwait(false);
            }

            foreach (Option other in (Option[])[particles, splittingRuns, rareMethod, pilotParticles])
            {
                if (parse.GetResult(other) is { Implicit: false })
                {
                    throw new UserInputException($"{other.Name} applies only with --rare-event.");
                }
            }

            var options = Common.MonteCarlo(parse.GetValue(runs), parse.GetValue(seed), parse.GetValue(threads), parse.GetValue(confidence));
            var structure = Common.Structure(parse, structureOption, posteriorOption);
            var posterior = structure.Posterior;
            var ranges = InputFiles.FactRanges(parse.GetValue(file), parse.GetValue(preset), parse.GetValue(facts)!, scenario);
            if (parse.GetValue(resume) && outFolder is null)
            {
                throw new UserInputException("--resume needs --out DIR: the checkpoint lives in that folder.");
            }

            if (outFolder is not null && options.Replications > MaxRecordedRuns)
            {
                throw new UserInputException($"--runs {options.Replications} with --out: runs.csv keeps one record per run in memory, so at most {MaxRecordedRuns:N0} runs; run without --out (memory stays flat) or in several batches with different --seed.");
            }

            long chunk = parse.GetValue(every);
            if (chunk < 1)
            {
                throw new UserInputException($"--checkpoint-every must be >= 1; got {chunk}.");
            }

            bool resumeRun = parse.GetValue(resume);
            var result = await Common.RunWithProgressAsync(context with { Cancellation = token }, scenario.Name, options.Replications, (progress, ct) => RunJob.Run(scenario, options, posterior, ranges, outFolder?.FullName, chunk, resumeRun, progress, ct)).ConfigureAwait(false);
            var summary = RunJob.Summary(result, scenario, structure, ranges.Count);
            await Emit.Result(context, parse.Format(format), () => summary, () => SummaryJson.SummaryCsv(summary), async () =>
            {
                if (parse.GetValue(detail))
                {
                    PrintTable(context, result, scenario, parse.GetValue(explain));
                }
                else
                {
                    context.Output.WriteLine(RunText.Plain(result, scenario, parse.GetValue(file) is null, parse.GetValue(explain)));
                }

                await context.Output.WriteLineAsync(structure.Line()).ConfigureAwait(false);

                if (ranges.Count > 0)
                {
                    await context.Output.WriteLineAsync(Common.FactsLine(ranges)).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);

            if (parse.GetValue(report) is FileInfo reportFile)
            {
                var source = new List<string>();
                source.Add(parse.GetValue(file) is FileInfo typed ? ShellWords.Quote(typed.ToString()) : "--preset " + ShellWords.Quote(parse.GetValue(preset) ?? Presets.Default));
                if (parse.GetValue(weeks) is int wk)
                {
                    source.Add($"--weeks {wk}");
                }

                if (structure.Arguments() is { Length: > 0 } structureArguments)
                {
                    source.Add(structureArguments.Trim());
                }

                if (result.Confidence != 0.95)
                {
                    source.Add("--confidence " + result.Confidence.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                AtomicFile.WriteAllText(reportFile.FullName, HtmlReport.ForRun(result, scenario, string.Join(' ', source), structure.Line()));
                await context.Error.WriteLineAsync($"wrote the report {reportFile.FullName} (open it in a browser; it needs no network)").ConfigureAwait(false);
            }

            if (outFolder is not null)
            {
                string dir = outFolder.FullName;
                RunJob.WriteFolder(dir, summary, result, scenario);
                var plots = Charts.SaveAll(result.Summary, dir);

                await context.Error.WriteLineAsync($"wrote summary.json, runs.csv, paths.csv, scenario.json and {plots.Count} plots (PNG and SVG) to {dir}").ConfigureAwait(false);
            }

            if (result.IsPartial)
            {
                await context.Error.WriteLineAsync($"partial: stopped after {result.Replications:N0} of {options.Replications:N0} replications; the summary covers replications 0 to {result.Replications - 1}." + (outFolder is null ? "" : " Run again with --resume to finish the batch.")).ConfigureAwait(false);
                return CliApp.Failure;
            }

            return CliApp.Success;
        });
        return command;
    }

    private static void PrintTable(CliContext context, MonteCarloResult<SanctionsSummary> result, Scenario scenario, bool explain)
    {
        var console = Common.Console(context.Output, context.Interactive);
        console.WriteLine(Readable.Verdict(result.Summary, result.Replications, result.Confidence));
        console.WriteLine();
        foreach (var table in RunText.Tables(result, scenario))
        {
            console.Write(Common.Draw(table));
        }

        console.WriteLine(Readable.CostNote(result.Summary));
        console.WriteLine(Common.Explain(explain));
    }
}
