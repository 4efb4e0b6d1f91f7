using System.Globalization;
using System.Text;
using SanctionsSim.IO.Text;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;

namespace SanctionsSim.IO.Results;

/// <summary>A batch's result (<c>sanctionssim run</c>) as rows, tables and the plain summary; the HTML report shows the same rows (#28 item 3).</summary>
internal static class RunText
{
    /// <summary>The summary's rows: quantity, estimate, interval, spread across runs (the table and the report show the same).</summary>
    public static List<string[]> Rows(SanctionsSummary s, double c)
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
    public static List<string[]> FactionRows(SanctionsSummary s)
        => s.FactionNames.Select(name =>
        {
            var f = s.Faction(name);
            return new[]
            {
                name, Rounding.Cell(f.DefectedShare.Mean, "P2"), Rounding.Cell(f.GeneralsDefected.Mean, "F1"), Rounding.Cell(f.SeniorOfficersDefected.Mean, "F1"),
                Rounding.Cell(f.LowRankCrossings.Mean, "N0"), Rounding.Cell(f.Desertions.Mean, "N0"), Rounding.Cell(f.TippedFirst.Estimate, "P1"),
            };
        }).ToList();

    public static readonly string[] AgentHeader = ["agent", "estimate", "interval", "spread across runs"];

    /// <summary>The adaptive agents' rows (empty without agents): each sender's and patron's commitment at the end, the regime's actions and spending, the patrons' costs, and defections by identity group.</summary>
    public static List<string[]> AgentRows(SanctionsSummary s, double confidence)
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

    public static readonly string[] FactionHeader = ["faction", "defected share", "generals", "senior officers", "crossings", "desertions", "tipped first (share of runs)"];

    private static string[] Mean(string label, RunningMoments m, double confidence)
    {
        var ci = m.MeanInterval(confidence);
        var (e, lo, hi) = Rounding.Interval(m.Mean, ci.Lower, ci.Upper, m.StandardError);
        return [label, e, m.Count > 1 ? $"{lo} to {hi}" : "", Sd(m)];
    }

    /// <summary>The spread across runs as a standard deviation, to the decimals of the mean's standard error.</summary>
    private static string Sd(RunningMoments m) => m.Count > 1 ? "sd " + Rounding.Fixed(m.StandardDeviation, Rounding.Decimals(m.StandardError)) : "";

    /// <summary>The five numbers a student needs, as label, estimate, interval and a note.</summary>
    public static List<string[]> PlainRows(SanctionsSummary s, double c)
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

    /// <summary>The tables of <c>run --detail</c>: the summary, by faction, and the adaptive agents (when there are any).</summary>
    public static List<TextTable> Tables(MonteCarloResult<SanctionsSummary> result, Scenario scenario)
    {
        var s = result.Summary;
        double c = result.Confidence;
        var table = new TextTable($"{scenario.Name}: {result.Replications:N0} runs of {s.Weeks} weeks, seed {result.Seed}{(result.IsPartial ? " (PARTIAL)" : "")}")
            .Left("quantity").Right("estimate").Right($"{c:P0} interval").Right("spread across runs");
        foreach (string[] row in Rows(s, c))
        {
            table.Row(row);
        }

        var tables = new List<TextTable> { table };
        var factions = new TextTable("by faction (mean per run)").Left(FactionHeader[0]);
        foreach (string column in FactionHeader.Skip(1))
        {
            factions.Right(column);
        }

        foreach (string[] row in FactionRows(s))
        {
            factions.Row(row);
        }

        tables.Add(factions);
        List<string[]> agents = AgentRows(s, c);
        if (agents.Count > 0)
        {
            var table2 = new TextTable("adaptive agents (per run)").Left(AgentHeader[0]);
            foreach (string column in AgentHeader.Skip(1))
            {
                table2.Right(column);
            }

            foreach (string[] row in agents)
            {
                table2.Row(row);
            }

            tables.Add(table2);
        }

        return tables;
    }

    /// <summary>The plain summary a student reads first (the default of <c>run</c>): the headline, five numbers and where to find more.</summary>
    public static string Plain(MonteCarloResult<SanctionsSummary> result, Scenario scenario, bool isPreset, bool explain)
    {
        var s = result.Summary;
        double c = result.Confidence;
        var text = new StringBuilder();
        text.AppendLine(Readable.Headline(s, result.Replications, c)).AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{(isPreset ? "Preset" : "Scenario")} '{scenario.Name}': {result.Replications:N0} runs of {s.Weeks} weeks, seed {result.Seed}{(result.IsPartial ? " (PARTIAL)" : "")}.");
        List<string[]> rows = PlainRows(s, c);
        string[] header = ["", "estimate", $"{c.ToString("P0", CultureInfo.InvariantCulture)} interval", ""];
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

        return text.ToString();
    }
}
