using System.CommandLine;
using System.Globalization;
using System.Text;
using SanctionsSim.Cli.Output;
using SanctionsSim.IO;
using SanctionsSim.Model;
using SanctionsSim.Plotting;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Trace;
using Spectre.Console;

namespace SanctionsSim.Cli.Commands;

/// <summary><c>sanctionssim trace [FILE] [--preset NAME] [--replication K] [--seed S] [--out DIR]</c>: one replication's weekly story.</summary>
internal static class TraceCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo?>("FILE") { Description = "A scenario file (JSON); omit to trace a preset.", Arity = ArgumentArity.ZeroOrOne };
        var preset = new Option<string?>("--preset", "-p") { Description = $"A built-in scenario (default {Presets.Default})." };
        var replication = new Option<long>("--replication", "-r") { Description = "Which replication of the batch to trace: the same run as replication K of 'run' with the same seed.", DefaultValueFactory = _ => 0 };
        var seed = Common.Seed();
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "A folder to write trace.csv and the chart (trace.png, trace.svg) into." };
        var structureOption = StructureChoice.Option();
        var posterior = Common.Posterior();
        var command = new Command("trace", "Tell one replication's story week by week: defections by faction and rank, purges, the rank and file, the regime's money and threats, the instruments and events in force.")
        {
            file, preset, replication, seed, output, structureOption, posterior,
        };
        command.SetAction(async (parse, token) =>
        {
            long k = parse.GetValue(replication);
            if (k < 0)
            {
                throw new UserInputException($"--replication must be 0 or more; got {k}.");
            }

            Scenario scenario = Common.FileOrPreset(parse.GetValue(file), parse.GetValue(preset));
            DirectoryInfo? folder = parse.GetValue(output);
            Common.CheckOutFolder(folder);
            var structure = StructureChoice.Resolve(parse, structureOption, posterior);
            ulong s = parse.GetValue(seed);
            string structureLine = structure.Line();
            if (structure.Posterior is { } drawn)
            {
                // replication k of a run under the posterior: its particle, drawn from (seed, k) alone as the batch draws it
                int particle = drawn.Particle(s, k);
                scenario = drawn.Apply(scenario, particle);
                structureLine = $"Structural parameters of particle {particle} of the posterior ({drawn.Count:N0} particles, SHA-256 {drawn.Hash[..12]}…), the one replication {k} of a run with seed {s} draws; --structure medians traces it at the medians.";
            }

            ReplicationTrace trace = new SanctionsModel(scenario).Trace(s, k);
            Print(context, trace);
            await context.Output.WriteLineAsync(structureLine).ConfigureAwait(false);
            if (folder is not null)
            {
                Directory.CreateDirectory(folder.FullName);
                AtomicFile.WriteAllText(Path.Combine(folder.FullName, "trace.csv"), Csv(trace));
                var charts = Charts.Save(Charts.Trace(trace, scenario.Collapse.CriticalShare), Path.Combine(folder.FullName, "trace"));
                await context.Error.WriteLineAsync($"wrote trace.csv and {charts.Count} charts to {folder.FullName}").ConfigureAwait(false);
            }

            return CliApp.Success;
        });
        return command;
    }

    private static void Print(CliContext context, ReplicationTrace trace)
    {
        var console = Common.Console(context.Output, context.Interactive);
        string outcome = trace.Outcome switch
        {
            OutcomeType.RemovedByHighCommand => $"the high command removed the ruler in week {trace.OutcomeWeek}, the regime's apparatus intact",
            OutcomeType.Split => $"the regime stood for all {trace.Weeks.Count} weeks, but a branch went over as a body in week {trace.OutcomeWeek} (a split)",
            _ => trace.CollapseWeek is int c ? $"the regime fell in week {c}" : $"the regime stood for all {trace.Weeks.Count} weeks",
        };
        console.WriteLine($"Replication {trace.Replication} of '{trace.Scenario}' (seed {trace.Seed}): {outcome}; {trace.Weeks.Sum(w => w.GeneralDefections)} generals and {trace.Weeks.Sum(w => w.SeniorDefections)} senior officers defected, {trace.Weeks.Sum(w => w.Purges)} were purged.");
        var table = Common.Titled("week by week")
            .AddColumn(new TableColumn("week").RightAligned()).AddColumn(new TableColumn("defected share").RightAligned())
            .AddColumn(new TableColumn("generals").RightAligned()).AddColumn(new TableColumn("seniors").RightAligned()).AddColumn(new TableColumn("purged").RightAligned())
            .AddColumn(new TableColumn("crossings").RightAligned()).AddColumn(new TableColumn("revenue").RightAligned()).AddColumn(new TableColumn("detection").RightAligned())
            .AddColumn("what happened");
        TraceWeek? previous = null;
        foreach (TraceWeek w in trace.Weeks)
        {
            Common.Row(table, w.Week.ToString(CultureInfo.InvariantCulture), Common.F(w.DefectedShare, "P2"), w.GeneralDefections.ToString(CultureInfo.InvariantCulture),
                w.SeniorDefections.ToString(CultureInfo.InvariantCulture), w.Purges.ToString(CultureInfo.InvariantCulture), Common.F(w.Crossings, "N0"),
                Common.F(w.Revenue, "F3"), Common.F(w.Detection, "P0"), Happened(previous, w, trace.Outcome));
            previous = w;
        }

        console.Write(table);
    }

    /// <summary>What changed this week: instruments and events starting or ending, pay raises, a collapse.</summary>
    internal static string Happened(TraceWeek? previous, TraceWeek w, OutcomeType outcome)
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

    private static string Csv(ReplicationTrace trace)
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
