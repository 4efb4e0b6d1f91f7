using System.Globalization;
using System.Text;
using SanctionsSim.IO.Text;
using SanctionsSim.Model;
using SanctionsSim.Simulation.Trace;

namespace SanctionsSim.IO.Results;

/// <summary>One replication traced week by week (<c>sanctionssim trace</c>) as a sentence, a table and CSV (#28 item 3).</summary>
internal static class TraceText
{
    /// <summary>The replication in one sentence: how it ended, who defected, how many were purged.</summary>
    public static string Headline(ReplicationTrace trace)
    {
        string outcome = trace.Outcome switch
        {
            OutcomeType.RemovedByHighCommand => $"the high command removed the ruler in week {trace.OutcomeWeek}, the regime's apparatus intact",
            OutcomeType.Split => $"the regime stood for all {trace.Weeks.Count} weeks, but a branch went over as a body in week {trace.OutcomeWeek} (a split)",
            _ => trace.CollapseWeek is int c ? $"the regime fell in week {c}" : $"the regime stood for all {trace.Weeks.Count} weeks",
        };
        return $"Replication {trace.Replication} of '{trace.Scenario}' (seed {trace.Seed}): {outcome}; {trace.Weeks.Sum(w => w.GeneralDefections)} generals and {trace.Weeks.Sum(w => w.SeniorDefections)} senior officers defected, {trace.Weeks.Sum(w => w.Purges)} were purged.";
    }

    /// <summary>The replication week by week.</summary>
    public static TextTable Table(ReplicationTrace trace)
    {
        var table = new TextTable("week by week")
            .Right("week").Right("defected share")
            .Right("generals").Right("seniors").Right("purged")
            .Right("crossings").Right("revenue").Right("detection")
            .Left("what happened");
        TraceWeek? previous = null;
        foreach (TraceWeek w in trace.Weeks)
        {
            table.Row(w.Week.ToString(CultureInfo.InvariantCulture), Rounding.Cell(w.DefectedShare, "P2"), w.GeneralDefections.ToString(CultureInfo.InvariantCulture),
                w.SeniorDefections.ToString(CultureInfo.InvariantCulture), w.Purges.ToString(CultureInfo.InvariantCulture), Rounding.Cell(w.Crossings, "N0"),
                Rounding.Cell(w.Revenue, "F3"), Rounding.Cell(w.Detection, "P0"), Happened(previous, w, trace.Outcome));
            previous = w;
        }

        return table;
    }

    /// <summary>What changed this week: instruments and events starting or ending, pay raises, a collapse.</summary>
    public static string Happened(TraceWeek? previous, TraceWeek w, OutcomeType outcome)
    {
        var notes = new List<string>();
        var before = previous?.InstrumentsInForce ?? [];
        notes.AddRange(w.InstrumentsInForce.Except(before).Select(i => "+ " + Pretty(i)));
        notes.AddRange(before.Except(w.InstrumentsInForce).Select(i => "− " + Pretty(i)));
        var eventsBefore = previous?.EventsInForce ?? [];
        notes.AddRange(w.EventsInForce.Except(eventsBefore).Select(e => "event: " + e));
        if (w.PayRaise)
        {
            notes.Add("pay raise");
        }

        if (w.OfficersReached > 0)
        {
            notes.Add($"{w.OfficersReached} reached");
        }

        foreach (var (series, verb) in new[] { ("regime/arrests", "arrested"), ("regime/rotations", "rotated"), ("regime/promotions", "promoted") })
        {
            if (w.Agents.TryGetValue(series, out double count) && count > 0)
            {
                notes.Add($"{count:F0} {verb}");
            }
        }

        foreach (var (series, value) in w.Agents.Where(a => a.Key.StartsWith("commitment/", StringComparison.Ordinal)))
        {
            // a commitment worth a note when, rounded to a tenth, it changed since last week
            double last = previous?.Agents.GetValueOrDefault(series, value) ?? value;
            if (Math.Round(last, 1) != Math.Round(value, 1))
            {
                notes.Add($"{Readable.Sender(series["commitment/".Length..])} commitment {value:F2}");
            }
        }

        if (w.HighCommandMove is string move)
        {
            notes.Add(move);
        }

        if (w.Collapsed)
        {
            notes.Add(outcome == OutcomeType.RemovedByHighCommand ? "RULER REMOVED" : "COLLAPSE");
        }

        return string.Join("; ", notes);
    }

    private static string Pretty(string instrument)
    {
        int colon = instrument.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? instrument : Readable.Sender(instrument[..colon]) + instrument[colon..];
    }

    /// <summary>The replication as CSV (trace.csv), one line per week.</summary>
    public static string Csv(ReplicationTrace trace)
    {
        var b = new StringBuilder("week,defectedShare,generalDefections,seniorDefections,");
        b.Append(string.Join(",", trace.Factions.Select(f => "defections_" + f)));
        b.Append(",purges,crossings,desertions,officersReached,revenue,reachableReserves,patronage,detection,reprisal,payRaise,collapsed,instrumentsInForce,eventsInForce,highCommandWillingWeight,highCommandMove");
        string[] agents = trace.Weeks.Count > 0 ? [.. trace.Weeks[0].Agents.Keys] : [];
        foreach (string series in agents)
        {
            b.Append(',').Append(series);
        }

        b.Append('\n');
        foreach (TraceWeek w in trace.Weeks)
        {
            b.Append(CultureInfo.InvariantCulture, $"{w.Week},{w.DefectedShare:R},{w.GeneralDefections},{w.SeniorDefections},");
            b.Append(string.Join(",", w.DefectionsByFaction.Select(d => d.ToString(CultureInfo.InvariantCulture))));
            b.Append(CultureInfo.InvariantCulture, $",{w.Purges},{w.Crossings:R},{w.Desertions:R},{w.OfficersReached},{w.Revenue:R},{w.ReachableReserves:R},{w.Patronage:R},{w.Detection:R},{w.Reprisal:R},{(w.PayRaise ? 1 : 0)},{(w.Collapsed ? 1 : 0)},");
            b.Append('"').Append(string.Join("; ", w.InstrumentsInForce)).Append("\",\"").Append(string.Join("; ", w.EventsInForce)).Append('"');
            b.Append(CultureInfo.InvariantCulture, $",{w.HighCommandWillingWeight:R},\"{w.HighCommandMove}\"");
            foreach (string series in agents)
            {
                b.Append(CultureInfo.InvariantCulture, $",{w.Agents[series]:R}");
            }

            b.Append('\n');
        }

        return b.ToString();
    }
}
