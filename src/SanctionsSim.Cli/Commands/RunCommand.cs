using System.CommandLine;
using SanctionsSim.Cli.Output;
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
        var structureOption = StructureChoice.Option();
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
                foreach (Option other in (Option[])[runs, posteriorOption, structureOption, report, explain, every])
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
            var structure = StructureChoice.Resolve(parse, structureOption, posteriorOption);
            var posterior = structure.Posterior;
            var ranges = Common.FactRanges(parse.GetValue(file), parse.GetValue(preset), parse.GetValue(facts)!, scenario);
            var model = Calibration.PosteriorModel.Create(scenario, posterior, ranges, recordRuns: outFolder is not null);
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
                : await Common.RunWithProgressAsync(context with { Cancellation = token }, scenario.Name, options.Replications, (progress, ct) => CheckpointedBatch.Run(
                    new MonteCarloBatch<SanctionsSummary>(model, options.Seed, options.Confidence, new SanctionsModel(scenario, recordRuns: true).ReadSummary, (s, stream) => s.WriteTo(stream)),
                    ScenarioJson.ExperimentHash(scenario, posterior?.Hash, ranges.Count), options.Replications, options.MaxDegreeOfParallelism, outFolder.FullName, chunk, parse.GetValue(resume), progress, ct)).ConfigureAwait(false);
            var summary = SummaryJson.Summary(result.Summary, scenario, result);
            summary["structure"] = structure.Json();
            if (posterior is not null)
            {
                summary["posterior"] = SummaryJson.Posterior(posterior);
            }

            if (ranges.Count > 0)
            {
                summary["facts"] = new System.Text.Json.Nodes.JsonObject { ["drawn"] = "within their ranges", ["uncertainFacts"] = ranges.Count };
            }
            await Emit.Result(context, parse.Format(format), () => summary, () => SummaryJson.SummaryCsv(summary), async () =>
            {
                if (parse.GetValue(detail))
                {
                    PrintTable(context, result, scenario, parse.GetValue(explain));
                }
                else
                {
                    PrintPlain(context, result, scenario, parse.GetValue(file) is null, parse.GetValue(explain));
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
                source.Add(parse.GetValue(file) is FileInfo typed ? HtmlReport.Quote(typed.ToString()) : "--preset " + HtmlReport.Quote(parse.GetValue(preset) ?? Presets.Default));
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
                Directory.CreateDirectory(dir);
                AtomicFile.WriteAllText(Path.Combine(dir, "summary.json"), SummaryJson.ToText(summary));
                AtomicFile.WriteAllText(Path.Combine(dir, "runs.csv"), SummaryJson.RunsCsv(result.Summary));
                AtomicFile.WriteAllText(Path.Combine(dir, "paths.csv"), SummaryJson.PathsCsv(result.Summary, result.Confidence));
                AtomicFile.WriteAllText(Path.Combine(dir, "scenario.json"), ScenarioJson.Write(scenario));
                var plots = Charts.SaveAll(result.Summary, dir);
                if (!result.IsPartial)
                {
                    CheckpointedBatch.Delete(dir);
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
        var (pe, plo, phi) = Rounding.Percent(p.Estimate, ci.Lower, ci.Upper, p.StandardError);
        rows.Add([$"P(collapse within {s.Weeks} weeks)", pe, $"{plo} to {phi}", "the ruler gone, either way below"]);
        foreach (OutcomeSummary o in s.Outcomes)
        {
            var oi = o.Probability.Wilson(c);
            var (oe, olo, ohi) = Rounding.Percent(o.Probability.Estimate, oi.Lower, oi.Upper, o.Probability.StandardError);
            string timing = o.MedianWeek is int median ? $"median week {median + 1}, mean {Rounding.Number(o.Week.Mean + 1, o.Week.StandardError)}" : "";
            rows.Add([$"  outcome: {Readable.Outcome(o.Outcome)}", oe, $"{olo} to {ohi}", timing]);
        }

        if (s.TimeToCollapse.Count > 0)
        {
            var t = s.TimeToCollapse.MeanInterval(c);
            var (te, tlo, thi) = Rounding.Interval(s.TimeToCollapse.Mean + 1, t.Lower + 1, t.Upper + 1, s.TimeToCollapse.StandardError);
            rows.Add(["week of collapse (runs that collapsed)", te, s.TimeToCollapse.Count > 1 ? $"{tlo} to {thi}" : "", Sd(s.TimeToCollapse)]);
        }

        rows.Add(Mean("weeks survived", s.WeeksSurvived, c));
        var final = s.FinalDefectedShareDistribution;
        var fi = s.FinalDefectedShare.MeanInterval(c);
        var (fe, flo, fhi) = Rounding.Percent(s.FinalDefectedShare.Mean, fi.Lower, fi.Upper, s.FinalDefectedShare.StandardError);
        int fd = Rounding.Decimals(s.FinalDefectedShare.StandardError * 100);
        rows.Add(["final defected share of command strength", fe, $"{flo} to {fhi}", $"5–95 % of runs: {Rounding.Fixed(final.Quantile(0.05) * 100, fd)} % to {Rounding.Fixed(final.Quantile(0.95) * 100, fd)} %"]);
        rows.Add(Mean("largest weekly cascade (officers)", s.LargestWeeklyCascade, c));
        rows.Add(Mean("generals defecting, weeks 1–12", s.EarlyGeneralDefections, c));
        rows.Add(Mean("senior officers defecting, weeks 1–12", s.EarlySeniorDefections, c));
        rows.Add(Mean("soldiers crossing, weeks 1–12", s.EarlyLowRankCrossings, c));
        rows.Add(Mean("purges (officers caught)", s.Purges, c));
        if (s.HighCommandMoves.Mean > 0)
        {
            rows.Add(Mean("high-command moves launched", s.HighCommandMoves, c));
            rows.Add(Mean("high-command moves failed (plotters purged)", s.FailedHighCommandMoves, c));
        }

        rows.Add(Mean("humanitarian burden (USD bn)", s.HumanitarianBurden, c));
        foreach (string sender in s.SenderNames)
        {
            rows.Add(Mean($"{Readable.Sender(sender)} cost (USD bn)", s.SenderCost(sender), c));
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
            var (e, lo, hi) = Rounding.Interval(last.Mean, ci.Lower, ci.Upper, last.StandardError);
            int d = Rounding.Decimals(last.StandardError, 2);
            rows.Add([$"commitment of {Readable.Sender(series["commitment/".Length..])}, week {s.Weeks}", e, last.Count > 1 ? $"{lo} to {hi}" : "",
                $"5–95 % of runs: {Rounding.Fixed(s.AgentPathPercentile(series, 0.05)[^1], d)} to {Rounding.Fixed(s.AgentPathPercentile(series, 0.95)[^1], d)}"]);
        }

        foreach (string total in s.AgentTotals)
        {
            string label = total switch
            {
                "regime/arrests" => "pre-emptive arrests (officers)",
                "regime/rotations" => "commanders rotated",
                "regime/promotions" => "promotions",
                "regime/security-spending" => "coup-proofing spending (USD bn)",
                _ when total.StartsWith("cost/", StringComparison.Ordinal) => $"cost to patron {Readable.Sender(total["cost/".Length..])} (USD bn)",
                _ when total.StartsWith("defected/", StringComparison.Ordinal) => $"officers defected, {total["defected/".Length..]}",
                _ => total,
            };
            rows.Add(Mean(label, s.AgentTotal(total), confidence));
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

    private static string[] Mean(string label, RunningMoments m, double confidence)
    {
        var ci = m.MeanInterval(confidence);
        var (e, lo, hi) = Rounding.Interval(m.Mean, ci.Lower, ci.Upper, m.StandardError);
        return [label, e, m.Count > 1 ? $"{lo} to {hi}" : "", Sd(m)];
    }

    /// <summary>The spread across runs as a standard deviation, to the decimals of the mean's standard error.</summary>
    private static string Sd(RunningMoments m) => m.Count > 1 ? "sd " + Rounding.Fixed(m.StandardDeviation, Rounding.Decimals(m.StandardError)) : "";

    /// <summary>The five numbers a student needs, as label, estimate, interval and a note.</summary>
    internal static List<string[]> PlainRows(SanctionsSummary s, double c)
    {
        var rows = new List<string[]>();
        var p = s.CollapseProbability;
        var ci = p.Wilson(c);
        var (pe, plo, phi) = Rounding.Percent(p.Estimate, ci.Lower, ci.Upper, p.StandardError);
        rows.Add([$"chance the regime collapses within {s.Weeks} weeks", pe, $"{plo} to {phi}", Readable.Likelihood(ci.Lower, ci.Upper) ?? ""]);
        var ended = s.Outcomes.Where(o => o.Outcome != OutcomeType.Survived && o.Probability.Successes > 0).ToArray();
        if (ended.Length > 1 || ended.Any(o => o.Outcome != OutcomeType.CollapseByDefection))
        {
            // the high command is on: say how the runs ended, each way with its own chance
            foreach (OutcomeSummary o in ended)
            {
                var oi = o.Probability.Wilson(c);
                var (oe, olo, ohi) = Rounding.Percent(o.Probability.Estimate, oi.Lower, oi.Upper, o.Probability.StandardError);
                string label = o.Outcome == OutcomeType.Split ? "a split instead (a branch went over, the ruler stayed)" : $"  of which: {Readable.Outcome(o.Outcome)}";
                rows.Add([label, oe, $"{olo} to {ohi}", Readable.Likelihood(oi.Lower, oi.Upper) ?? ""]);
            }
        }
        if (s.TimeToCollapse.Count > 1)
        {
            var t = s.TimeToCollapse.MeanInterval(c);
            var (te, tlo, thi) = Rounding.Interval(s.TimeToCollapse.Mean + 1, t.Lower + 1, t.Upper + 1, s.TimeToCollapse.StandardError);
            rows.Add(["week it collapsed, in runs where it did (average)", te, $"{tlo} to {thi}", $"{s.Collapses:N0} runs"]);
        }
        else
        {
            rows.Add(["week it collapsed, in runs where it did (average)", s.TimeToCollapse.Count == 1 ? Rounding.Fixed(s.TimeToCollapse.Mean + 1, 0) : "—", "", s.TimeToCollapse.Count == 1 ? "1 run" : "no run collapsed"]);
        }

        var fi = s.FinalDefectedShare.MeanInterval(c);
        var (fe, flo, fhi) = Rounding.Percent(s.FinalDefectedShare.Mean, fi.Lower, fi.Upper, s.FinalDefectedShare.StandardError);
        rows.Add(["armed forces' strength that defected by the end", fe, $"{flo} to {fhi}", "average run"]);
        var g = s.EarlyGeneralDefections;
        var gi = g.MeanInterval(c);
        var (ge, glo, ghi) = Rounding.Interval(g.Mean, gi.Lower, gi.Upper, g.StandardError);
        rows.Add(["generals who defected in weeks 1–12", ge, $"{glo} to {ghi}", "average run"]);
        var h = s.HumanitarianBurden;
        var hi2 = h.MeanInterval(c);
        var (he, hlo, hhi) = Rounding.Interval(h.Mean, hi2.Lower, hi2.Upper, h.StandardError);
        rows.Add(["cost to the population (USD bn of lost revenue)", he, $"{hlo} to {hhi}", "humanitarian burden"]);
        return rows;
    }

    private static void PrintPlain(CliContext context, MonteCarloResult<SanctionsSummary> result, Scenario scenario, bool isPreset, bool explain)
    {
        var s = result.Summary;
        double c = result.Confidence;
        var text = new System.Text.StringBuilder();
        text.AppendLine(Readable.Headline(s, result.Replications, c)).AppendLine();
        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{(isPreset ? "Preset" : "Scenario")} '{scenario.Name}': {result.Replications:N0} runs of {s.Weeks} weeks, seed {result.Seed}{(result.IsPartial ? " (PARTIAL)" : "")}.");
        List<string[]> rows = PlainRows(s, c);
        string[] header = ["", "estimate", $"{c.ToString("P0", System.Globalization.CultureInfo.InvariantCulture)} interval", ""];
        int[] widths = Enumerable.Range(0, 4).Select(i => rows.Prepend(header).Max(r => r[i].Length)).ToArray();
        foreach (string[] row in rows.Prepend(header))
        {
            text.AppendLine(("  " + row[0].PadRight(widths[0]) + "  " + row[1].PadLeft(widths[1]) + "  " + row[2].PadLeft(widths[2]) + "  " + row[3]).TrimEnd());
        }

        text.AppendLine();
        text.AppendLine("More: --detail for every table (by faction, each sender's cost, adaptive agents),");
        text.Append("      --explain for what the terms mean, --out DIR for files and plots, --report FILE for a page to share.");
        if (explain)
        {
            text.AppendLine().AppendLine().AppendLine("What the terms mean:").Append(Glossary.Text());
        }

        context.Output.WriteLine(text.ToString());
    }
}
