using System.Globalization;
using System.Text.Json.Nodes;
using SanctionsSim.IO.Jobs;
using SanctionsSim.IO.Text;
using SanctionsSim.Model;
using SanctionsSim.RareEvents;

namespace SanctionsSim.IO.Results;

/// <summary>The result of <c>run --rare-event</c> as JSON, CSV, a verdict and a table (#28 item 3).</summary>
internal static class RareEventText
{
    /// <summary>One line per splitting run.</summary>
    public static string Csv(SplittingResult result)
        => "run,estimate,iterations,paths,extinct\n" + string.Concat(result.Runs.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Index},{r.Estimate:R},{r.Iterations},{r.Paths},{(r.Extinct ? "true" : "false")}\n")));

    /// <summary>The table of the estimate (with the pilot's levels and shift when <paramref name="detail"/>).</summary>
    public static TextTable Table(Scenario scenario, RareEventSettings request, SplittingResult result, bool detail)
    {
        if (result.Unresolvable is { } stuck)
        {
            var bounded = new TextTable($"{scenario.Name}: P(collapse within {scenario.Weeks} weeks) by {MethodName(request.Method)}")
                .Left("quantity").Right("value");
            bounded.Row("probability", $"below {Rounding.Percent(result.UpperBound!.Value, result.UpperBound.Value / 10)}: too rare for the pilot to resolve");
            bounded.Row($"{result.Confidence.ToString("P0", CultureInfo.InvariantCulture)} upper bound (one-sided)", $"{Rounding.Percent(result.UpperBound.Value, result.UpperBound.Value / 10)}: {stuck.Hits} of the pilot's {stuck.Draws.ToString("N0", CultureInfo.InvariantCulture)} independent replications collapsed (exact binomial bound)");
            bounded.Row("pilot: every replication's score stuck at (defected share ÷ critical share)", $"{Rounding.Fixed(stuck.StuckAt, 3)} after {stuck.Levels} levels; target {Rounding.Fixed(stuck.Target, 2)}");
            bounded.Row("splitting runs", "none: the pilot found no way towards the target");
            bounded.Row("replications simulated (all, in full)", result.Paths.ToString("N0", CultureInfo.InvariantCulture));
            return bounded;
        }

        var (pe, plo, phi) = Rounding.Percent(result.Probability, result.Interval.Lower, result.Interval.Upper, result.StandardError);
        var table = new TextTable($"{scenario.Name}: P(collapse within {scenario.Weeks} weeks) by {MethodName(request.Method)}")
            .Left("quantity").Right("value");
        table.Row("probability", Rounding.OneIn(result.Probability) is string oneIn ? $"{pe} ({oneIn})" : pe);
        table.Row($"{result.Confidence.ToString("P0", CultureInfo.InvariantCulture)} interval", $"{plo} to {phi}");
        table.Row("standard error (relative)", $"{Rounding.Percent(result.StandardError, result.StandardError / 10)} ({(double.IsFinite(result.RelativeError) ? Rounding.Fixed(result.RelativeError * 100, 1) + " %" : "∞")})");
        table.Row(request.Method == "importance" && result.Levels?.Shift.Count > 0 ? "batches × samples each" : "splitting runs × paths each", $"{result.Runs.Count} × {result.Particles}");
        if (detail && result.Levels is { } levels)
        {
            table.Row("pilot: levels of the score (defected share ÷ critical share)", string.Join(", ", levels.Levels.Select(l => Rounding.Fixed(l, 2))));
            table.Row("pilot: replications", levels.Paths.ToString("N0", CultureInfo.InvariantCulture));
            if (request.Method == "importance")
            {
                table.Row("importance shift (inputs pushed toward collapse, in standard deviations)", levels.Shift.Count == 0 ? "none found: splitting runs instead" : string.Join(", ", levels.Shift.Select(c => $"{CoordinateName(c.Block, c.Coordinate)} → {Rounding.Fixed(c.Mean, 1)}")));
            }
        }

        table.Row("replications simulated (all, in full)", result.Paths.ToString("N0", CultureInfo.InvariantCulture));
        table.Row("plain Monte Carlo for the same error", double.IsFinite(result.MonteCarloEquivalent) ? $"{result.MonteCarloEquivalent.ToString("N0", CultureInfo.InvariantCulture)} replications (this estimate is {Rounding.Fixed(result.Speedup, result.Speedup >= 10 ? 0 : 1)}× as efficient)" : "—");
        table.Row("runs with no hit (estimate 0)", result.Extinctions.ToString(CultureInfo.InvariantCulture));
        return table;
    }

    /// <summary>When the runs cannot carry the interval: none, or too few of them, reached the target.</summary>
    internal static string? Warning(SplittingResult result)
    {
        if (result.Unresolvable is { } stuck)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Not resolved: every replication of the pilot stopped at the score {Rounding.Fixed(stuck.StuckAt, 3)} (the target is {Rounding.Fixed(stuck.Target, 2)}) and its moves could not raise it, so the probability is below what the pilot can resolve: at most {Rounding.Percent(result.UpperBound!.Value, result.UpperBound.Value / 10)} ({result.Confidence:P0} one-sided bound from its {stuck.Draws:N0} independent replications, {stuck.Hits} of which collapsed). {(stuck.Hits == 0 ? "The collapse may be impossible in this scenario; a larger --pilot-particles lowers the bound." : "Those collapsed by a route the score does not rise along (the others all stayed at one score): plain Monte Carlo (run without --rare-event) estimates this event.")}");
        }

        int hits = result.Runs.Count - result.Extinctions;
        string pilot = result.Levels is { } levels ? string.Create(CultureInfo.InvariantCulture, $" (the pilot's own rough estimate: {Rounding.Percent(levels.PilotEstimate, levels.PilotEstimate / 2)})") : "";
        if (hits == 0)
        {
            return $"No run reached the target: 0 is not an estimate with an error bar, only a sign that the probability is too small for these settings{pilot}. Raise --particles or --splitting-runs.";
        }

        return hits < Math.Max(3, result.Runs.Count / 2)
            ? $"Only {hits} of {result.Runs.Count} runs reached the target: the interval rests on few of them{pilot}. Raise --particles or --splitting-runs."
            : null;
    }

    /// <summary>The one-sentence verdict: how likely a collapse is, in words and as "about 1 in N", and how precise.</summary>
    internal static string Verdict(Scenario scenario, string method, SplittingResult result)
    {
        if (result.Unresolvable is { } stuck)
        {
            return $"Verdict: the pilot could not raise any replication towards a collapse within {scenario.Weeks} weeks (every score stuck at {Rounding.Fixed(stuck.StuckAt, 3)} of the target {Rounding.Fixed(stuck.Target, 2)}): its probability is below what the pilot can resolve, at most {Rounding.Percent(result.UpperBound!.Value, result.UpperBound.Value / 10)} ({result.Confidence.ToString("P0", CultureInfo.InvariantCulture)} upper bound){(stuck.Hits == 0 ? ", and the collapse may be impossible here" : "")}.";
        }

        var (pe, plo, phi) = Rounding.Percent(result.Probability, result.Interval.Lower, result.Interval.Upper, result.StandardError);
        if (result.Runs.Count == result.Extinctions)
        {
            return $"Verdict: no run of the {MethodName(method)} reached a collapse within {scenario.Weeks} weeks, so this estimate cannot say how small its probability is (see the warning below).";
        }

        string word = Readable.Likelihood(Math.Max(0, result.Interval.Lower), Math.Min(1, result.Interval.Upper)) is string w ? $"is {w}" : "cannot yet be put in words";
        string oneIn = Rounding.OneIn(result.Probability) is string o ? $"{o}, " : "";
        string error = double.IsFinite(result.RelativeError) ? $" with a relative error of {Rounding.Fixed(result.RelativeError * 100, 1)} %" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"Verdict: under these assumptions, a collapse of the regime within {scenario.Weeks} weeks {word}: {oneIn}{pe} ({result.Confidence:P0} interval {plo} to {phi}), estimated by {MethodName(method)}{error}.");
    }

    private static string MethodName(string method) => method switch
    {
        "path" => "adaptive multilevel splitting on the weekly randomness",
        "splitting" => "sequential Monte Carlo on the random inputs",
        _ => "importance sampling fitted by a splitting pilot",
    };

    private static string CoordinateName(int block, int coordinate) => block == 0 && coordinate == 0 ? "officers[0] (the corps' cohesion)" : $"{BlockName(block)}[{coordinate}]";

    private static string BlockName(int block) => block switch
    {
        0 => "officers",
        1 => "ties",
        2 => "contact orders",
        3 => "events",
        4 => "weeks",
        Simulation.InputBlocks.Structure => "structure (the posterior particle)",
        _ => $"block {block}",
    };

    internal static JsonObject Json(Scenario scenario, RareEventSettings request, SplittingResult result) => new()
    {
        ["scenario"] = scenario.Name,
        ["scenarioHash"] = Scenarios.ScenarioJson.Hash(scenario),
        ["weeks"] = scenario.Weeks,
        ["method"] = request.Method switch
        {
            "path" => "adaptive multilevel splitting on the weekly randomness (Cérou & Guyader 2007; ties as in Bréhier, Gazeau, Goudenège, Lelièvre & Rousset 2016)",
            "splitting" when result.Unresolvable is null => "sequential Monte Carlo on the random inputs with fixed levels (Cérou, Del Moral, Furon & Guyader 2012)",
            _ when result.Unresolvable is not null => "none: the sequential Monte Carlo pilot on the random inputs could not raise the score towards the target, so no estimate, only an upper bound from its independent replications (exact binomial, Clopper & Pearson 1934)",
            _ => result.Levels?.Shift.Count > 0 ? "importance sampling (defensive mixture, Hesterberg 1995) with a shift fitted by a sequential Monte Carlo pilot on the random inputs" : "sequential Monte Carlo on the random inputs (the pilot found no coordinate to shift)",
        },
        ["levels"] = result.Levels is null ? null : RareEventJob.Numbers(result.Levels.Levels),
        ["shift"] = result.Levels is null ? null : new JsonArray([.. result.Levels.Shift.Select(c => (JsonNode)new JsonObject { ["block"] = BlockName(c.Block), ["coordinate"] = c.Coordinate, ["mean"] = c.Mean })]),
        ["pilotPaths"] = result.Levels?.Paths ?? (result.Unresolvable is null ? null : result.Paths),
        ["seed"] = result.Seed,
        ["particles"] = result.Particles,
        ["runs"] = result.Runs.Count,
        ["resolved"] = result.UpperBound is null,
        ["collapseProbability"] = result.UpperBound is null ? result.Probability : null,
        ["upperBound"] = result.UpperBound,
        ["stuckAt"] = result.Unresolvable?.StuckAt,
        ["standardError"] = double.IsFinite(result.StandardError) ? result.StandardError : null,
        ["relativeError"] = double.IsFinite(result.RelativeError) ? result.RelativeError : null,
        ["confidence"] = result.Confidence,
        ["lower"] = result.Interval.Lower,
        ["upper"] = result.Interval.Upper,
        ["paths"] = result.Paths,
        ["monteCarloEquivalent"] = double.IsFinite(result.MonteCarloEquivalent) ? result.MonteCarloEquivalent : null,
        ["extinctRuns"] = result.Extinctions,
        ["warning"] = Warning(result),
        ["packageVersion"] = SummaryJson.PackageVersion,
        ["estimates"] = RareEventJob.Numbers(result.Runs.Select(r => r.Estimate)),
        ["structure"] = request.Structure.Json(),
    };
}
