using System.CommandLine;
using SanctionsSim.Cli.Output;
using SanctionsSim.IO;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Plotting;
using SanctionsSim.Scenarios;
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
        var facts = Common.Facts();
        var explain = new Option<bool>("--explain") { Description = "After the table, explain every term it uses (the glossary, docs/glossary.md)." };
        var every = new Option<long>("--checkpoint-every") { Description = "With --out: replications between checkpoints.", DefaultValueFactory = _ => 500 };
        var rare = RareEventRun.Flag();
        var particles = RareEventRun.Particles();
        var splittingRuns = RareEventRun.Runs();
        var rareMethod = RareEventRun.Method();
        var pilotParticles = RareEventRun.PilotParticles();
        var command = new Command("run", "Run a Monte Carlo batch of a scenario and print its summary: collapse probability, timing, defections, costs, each with its uncertainty.")
        {
            file, preset, runs, seed, threads, weeks, output, format, confidence, resume, every, explain, report, posteriorOption, facts, rare, particles, splittingRuns, rareMethod, pilotParticles,
        };
        command.SetAction(async (parse, token) =>
        {
            Scenario scenario = Common.FileOrPreset(parse.GetValue(file), parse.GetValue(preset));
            if (parse.GetValue(weeks) is int w)
            {
                if (w is < 1 or > 10_000)
                {
                    throw new UserInputException($"--weeks must be in [1, 10000]; got {w}.");
                }

                scenario = scenario with { Weeks = w, Events = scenario.Events.Where(e => e.Week < w).ToArray() };
            }

            DirectoryInfo? outFolder = parse.GetValue(output);
            Common.CheckOutFolder(outFolder);
            if (parse.GetValue(rare))
            {
                foreach (Option other in (Option[])[runs, posteriorOption, report, explain, every])
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

                var splitting = new RareEventSettings(method, parse.GetValue(particles), parse.GetValue(splittingRuns), parse.GetValue(pilotParticles), parse.GetValue(seed), parse.GetValue(confidence), parse.GetValue(threads));
                return await RareEventRun.RunAsync(context, scenario, splitting, outFolder, parse.GetValue(resume), parse.GetValue(format), token).ConfigureAwait(false);
            }

            foreach (Option other in (Option[])[particles, splittingRuns, rareMethod, pilotParticles])
            {
                if (parse.GetResult(other) is { Implicit: false })
                {
                    throw new UserInputException($"{other.Name} applies only with --rare-event.");
                }
            }

            var options = Common.MonteCarlo(parse.GetValue(runs), parse.GetValue(seed), parse.GetValue(threads), parse.GetValue(confidence));
            var posterior = Common.LoadPosterior(parse.GetValue(posteriorOption));
            var ranges = Common.FactRanges(parse.GetValue(file), parse.GetValue(preset), parse.GetValue(facts)!, scenario);
            var model = Common.Experiment(scenario, posterior, ranges, recordRuns: outFolder is not null);
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

            var result = outFolder is null
                ? await Common.RunWithProgressAsync(context with { Cancellation = token }, scenario.Name, options.Replications, (progress, ct) => new MonteCarloRunner(options).Run(model, progress, ct)).ConfigureAwait(false)
                : await Common.RunWithProgressAsync(context with { Cancellation = token }, scenario.Name, options.Replications, (progress, ct) => Checkpointed.Run(model, stream => new SanctionsModel(scenario).ReadSummary(stream), scenario, ranges.Count == 0 ? posterior?.Hash : $"{posterior?.Hash}+facts:{ranges.Count}", options, outFolder.FullName, chunk, parse.GetValue(resume), progress, ct)).ConfigureAwait(false);
            var summary = SummaryJson.Summary(result.Summary, scenario, result);
            if (posterior is not null)
            {
                summary["posterior"] = SummaryJson.Posterior(posterior);
            }

            if (ranges.Count > 0)
            {
                summary["facts"] = new System.Text.Json.Nodes.JsonObject { ["drawn"] = "within their ranges", ["uncertainFacts"] = ranges.Count };
            }
            switch (parse.GetValue(format))
            {
                case "json":
                    await context.Output.WriteAsync(SummaryJson.ToText(summary)).ConfigureAwait(false);
                    break;
                case "csv":
                    await context.Output.WriteAsync(SummaryJson.SummaryCsv(summary)).ConfigureAwait(false);
                    break;
                default:
                    PrintTable(context, result, scenario, parse.GetValue(explain));
                    if (posterior is not null)
                    {
                        await context.Output.WriteLineAsync(SummaryJson.PosteriorLine(posterior)).ConfigureAwait(false);
                    }

                    if (ranges.Count > 0)
                    {
                        await context.Output.WriteLineAsync(Common.FactsLine(ranges)).ConfigureAwait(false);
                    }

                    break;
            }

            if (parse.GetValue(report) is FileInfo reportFile)
            {
                AtomicFile.WriteAllText(reportFile.FullName, HtmlReport.ForRun(result, scenario));
                await context.Error.WriteLineAsync($"wrote the report {reportFile.FullName} (open it in a browser; it needs no network)").ConfigureAwait(false);
            }

            if (outFolder is not null)
            {
                string dir = outFolder.FullName;
                Directory.CreateDirectory(dir);
                AtomicFile.WriteAllText(Path.Combine(dir, "summary.json"), SummaryJson.ToText(summary));
                AtomicFile.WriteAllText(Path.Combine(dir, "runs.csv"), SummaryJson.RunsCsv(result.Summary));
                AtomicFile.WriteAllText(Path.Combine(dir, "paths.csv"), SummaryJson.PathsCsv(result.Summary, result.Confidence));
                AtomicFile.WriteAllText(Path.Combine(dir, "scenario.json"), ScenarioJson.Write(scenario));
                var plots = Charts.SaveAll(result.Summary, dir);
                if (!result.IsPartial)
                {
                    Checkpointed.Delete(dir);
                }

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

    /// <summary>The summary's rows: quantity, estimate, interval, spread across runs (the table and the report show the same).</summary>
    internal static List<string[]> Rows(SanctionsSummary s, double c)
    {
        var rows = new List<string[]>();
        var p = s.CollapseProbability;
        var ci = p.Wilson(c);
        rows.Add([$"P(collapse within {s.Weeks} weeks)", Common.F(p.Estimate, "P1"), Range(ci.Lower, ci.Upper, "P1"), "the ruler gone, either way below"]);
        foreach (OutcomeSummary o in s.Outcomes)
        {
            var oi = o.Probability.Wilson(c);
            string timing = o.MedianWeek is int median ? $"median week {median + 1}, mean {Common.F(o.Week.Mean + 1, "F1")}" : "";
            rows.Add([$"  outcome: {Readable.Outcome(o.Outcome)}", Common.F(o.Probability.Estimate, "P1"), Range(oi.Lower, oi.Upper, "P1"), timing]);
        }

        if (s.TimeToCollapse.Count > 0)
        {
            var t = s.TimeToCollapse.MeanInterval(c);
            rows.Add(["week of collapse (runs that collapsed)", Common.F(s.TimeToCollapse.Mean + 1, "F1"), s.TimeToCollapse.Count > 1 ? Range(t.Lower + 1, t.Upper + 1, "F1") : "", Sd(s.TimeToCollapse, "F1")]);
        }

        rows.Add(Mean("weeks survived", s.WeeksSurvived, c, "F1"));
        var final = s.FinalDefectedShareDistribution;
        var fi = s.FinalDefectedShare.MeanInterval(c);
        rows.Add(["final defected share of command strength", Common.F(s.FinalDefectedShare.Mean, "P2"), Range(fi.Lower, fi.Upper, "P2"), "p05–p95 " + Range(final.Quantile(0.05), final.Quantile(0.95), "P1")]);
        rows.Add(Mean("largest weekly cascade (officers)", s.LargestWeeklyCascade, c, "F1"));
        rows.Add(Mean("generals defecting, weeks 1–12", s.EarlyGeneralDefections, c, "F2"));
        rows.Add(Mean("senior officers defecting, weeks 1–12", s.EarlySeniorDefections, c, "F2"));
        rows.Add(Mean("soldiers crossing, weeks 1–12", s.EarlyLowRankCrossings, c, "N0"));
        rows.Add(Mean("purges (officers caught)", s.Purges, c, "F1"));
        if (s.HighCommandMoves.Mean > 0)
        {
            rows.Add(Mean("high-command moves launched", s.HighCommandMoves, c, "F2"));
            rows.Add(Mean("high-command moves failed (plotters purged)", s.FailedHighCommandMoves, c, "F2"));
        }

        rows.Add(Mean("humanitarian burden (USD bn)", s.HumanitarianBurden, c, "F2"));
        foreach (string sender in s.SenderNames)
        {
            rows.Add(Mean($"{Readable.Sender(sender)} cost (USD bn)", s.SenderCost(sender), c, "F3"));
        }

        return rows;
    }

    /// <summary>The per-faction rows: faction, defected share, generals, senior officers, crossings, desertions, tipped first.</summary>
    internal static List<string[]> FactionRows(SanctionsSummary s)
        => s.FactionNames.Select(name =>
        {
            var f = s.Faction(name);
            return new[]
            {
                name, Common.F(f.DefectedShare.Mean, "P2"), Common.F(f.GeneralsDefected.Mean, "F1"), Common.F(f.SeniorOfficersDefected.Mean, "F1"),
                Common.F(f.LowRankCrossings.Mean, "N0"), Common.F(f.Desertions.Mean, "N0"), Common.F(f.TippedFirst.Estimate, "P1"),
            };
        }).ToList();

    internal static readonly string[] AgentHeader = ["agent", "estimate", "interval", "spread across runs"];

    /// <summary>The adaptive agents' rows (empty without agents): each sender's and patron's commitment at the end, the regime's actions and spending, the patrons' costs, and defections by identity group.</summary>
    internal static List<string[]> AgentRows(SanctionsSummary s, double confidence)
    {
        var rows = new List<string[]>();
        foreach (string series in s.AgentSeries.Where(x => x.StartsWith("commitment/", StringComparison.Ordinal)))
        {
            RunningMoments last = s.AgentPathMean(series)[^1];
            if (last.Count == 0)
            {
                continue; // no run reached the last week
            }

            var ci = last.MeanInterval(confidence);
            rows.Add([$"commitment of {series["commitment/".Length..]}, week {s.Weeks}", Common.F(last.Mean, "F2"), last.Count > 1 ? Range(ci.Lower, ci.Upper, "F2") : "",
                $"{Common.F(s.AgentPathPercentile(series, 0.05)[^1], "F2")} to {Common.F(s.AgentPathPercentile(series, 0.95)[^1], "F2")} (5–95 %)"]);
        }

        foreach (string total in s.AgentTotals)
        {
            string label = total switch
            {
                "regime/arrests" => "pre-emptive arrests (officers)",
                "regime/rotations" => "commanders rotated",
                "regime/promotions" => "promotions",
                "regime/security-spending" => "coup-proofing spending (USD bn)",
                _ when total.StartsWith("cost/", StringComparison.Ordinal) => $"cost to patron {total["cost/".Length..]} (USD bn)",
                _ when total.StartsWith("defected/", StringComparison.Ordinal) => $"officers defected, {total["defected/".Length..]}",
                _ => total,
            };
            rows.Add(Mean(label, s.AgentTotal(total), confidence, total.Contains("USD", StringComparison.Ordinal) || total.StartsWith("cost/", StringComparison.Ordinal) || total.EndsWith("spending", StringComparison.Ordinal) ? "F2" : "F1"));
        }

        return rows;
    }

    internal static readonly string[] FactionHeader = ["faction", "defected share", "generals", "senior officers", "crossings", "desertions", "tipped first (share of runs)"];

    private static void PrintTable(CliContext context, MonteCarloResult<SanctionsSummary> result, Scenario scenario, bool explain)
    {
        var s = result.Summary;
        double c = result.Confidence;
        var console = Common.Console(context.Output, context.Interactive);
        console.WriteLine(Readable.Verdict(s, result.Replications, c));
        console.WriteLine();
        var table = Common.Titled($"{scenario.Name}: {result.Replications:N0} runs of {s.Weeks} weeks, seed {result.Seed}{(result.IsPartial ? " (PARTIAL)" : "")}")
            .AddColumn("quantity").AddColumn(new TableColumn("estimate").RightAligned()).AddColumn(new TableColumn($"{c:P0} interval").RightAligned())
            .AddColumn(new TableColumn("spread across runs").RightAligned());
        foreach (string[] row in Rows(s, c))
        {
            Common.Row(table, row);
        }

        console.Write(table);
        var factions = Common.Titled("by faction (mean per run)").AddColumn(FactionHeader[0]);
        foreach (string column in FactionHeader.Skip(1))
        {
            factions.AddColumn(new TableColumn(column).RightAligned());
        }

        foreach (string[] row in FactionRows(s))
        {
            Common.Row(factions, row);
        }

        console.Write(factions);
        List<string[]> agents = AgentRows(s, c);
        if (agents.Count > 0)
        {
            var table2 = Common.Titled("adaptive agents (per run)").AddColumn(AgentHeader[0]);
            foreach (string column in AgentHeader.Skip(1))
            {
                table2.AddColumn(new TableColumn(column).RightAligned());
            }

            foreach (string[] row in agents)
            {
                Common.Row(table2, row);
            }

            console.Write(table2);
        }

        console.WriteLine(Readable.CostNote(s));
        console.WriteLine(explain ? Environment.NewLine + "What the terms mean:" + Environment.NewLine + Glossary.Text() : "Run with --explain for what each term means (or see docs/glossary.md).");
    }

    private static string[] Mean(string label, RunningMoments m, double confidence, string format)
    {
        var ci = m.MeanInterval(confidence);
        return [label, Common.F(m.Mean, format), m.Count > 1 ? Range(ci.Lower, ci.Upper, format) : "", Sd(m, format)];
    }

    private static string Range(double lower, double upper, string format) => $"{Common.F(lower, format)} to {Common.F(upper, format)}";

    private static string Sd(RunningMoments m, string format) => m.Count > 1 ? "sd " + Common.F(m.StandardDeviation, format) : "";
}
