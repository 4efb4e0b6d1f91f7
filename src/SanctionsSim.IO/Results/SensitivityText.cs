using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.Experiments;
using SanctionsSim.IO.Batches;
using SanctionsSim.IO.Text;

namespace SanctionsSim.IO.Results;

/// <summary>A sensitivity analysis (Sobol indices or Morris screening) as JSON, CSV, a table and a verdict (#28 item 3).</summary>
internal static class SensitivityText
{
    /// <summary>The analysis as JSON (sensitivity.json), with the structure the runs used.</summary>
    public static JsonObject Json(SensitivityDefinition d, SensitivityResult result, JsonNode structure)
    {
        string method = d.Method;
        return new JsonObject
        {
            ["scenario"] = d.Scenario.Name,
            ["method"] = method,
            ["output"] = d.Metric,
            ["design"] = result.Design,
            ["parameters"] = new JsonArray(d.Levers.Select(v => (JsonNode)v.ToString()).ToArray()),
            ["points"] = result.Points,
            ["replicationsPerPoint"] = d.Runs,
            ["seed"] = d.Seed,
            ["confidence"] = d.Confidence,
            ["outputVariance"] = Bound(result.OutputVariance),
            ["noiseVariance"] = Bound(result.NoiseVariance),
            ["noiseShare"] = Bound(result.NoiseShare),
            ["completed"] = result.Completed,
            ["pointsDone"] = result.Sweep.PointsDone,
            ["pointsResumed"] = result.Sweep.PointsResumed,
            ["indices"] = method == "morris" ? MorrisJson(result.Morris) : SobolJson(result.Sobol),
            ["structure"] = structure,
        };
    }

    /// <summary>The indices as CSV, one line per input.</summary>
    public static string Csv(string method, SensitivityResult result) => method == "morris" ? MorrisCsv(result.Morris) : SobolCsv(result.Sobol);

    /// <summary>Sobol indices as CSV, one line per input.</summary>
    public static string SobolCsv(IReadOnlyList<SobolIndex> indices)
    {
        var b = new StringBuilder("name,first,firstLower,firstUpper,total,totalLower,totalUpper\n");
        foreach (var s in indices)
        {
            b.Append(string.Join(",", s.Name, R(s.First), R(s.FirstInterval.Lower), R(s.FirstInterval.Upper), R(s.Total), R(s.TotalInterval.Lower), R(s.TotalInterval.Upper))).Append('\n');
        }

        return b.ToString();
    }

    /// <summary>Morris indices as CSV, one line per input.</summary>
    public static string MorrisCsv(IReadOnlyList<MorrisIndex> indices)
    {
        var b = new StringBuilder("name,muStar,muStarLower,muStarUpper,mu,sigma\n");
        foreach (var m in indices)
        {
            b.Append(string.Join(",", m.Name, R(m.MuStar), R(m.MuStarInterval.Lower), R(m.MuStarInterval.Upper), R(m.Mu), R(m.Sigma))).Append('\n');
        }

        return b.ToString();
    }

    /// <summary>The indices as a table, the largest first.</summary>
    public static TextTable Table(SensitivityDefinition d, SensitivityResult result)
    {
        string title = $"{d.Scenario.Name}: {(d.Method == "morris" ? "Morris screening" : "Sobol indices")} of {d.Metric}, {result.Points:N0} points × {d.Runs} replications; noise share {Rounding.Cell(result.NoiseShare * 100, "F1")} %";
        return d.Method == "morris" ? MorrisTable(result.Morris, title) : SobolTable(result.Sobol, title);
    }

    /// <summary>Morris indices as a table, the largest μ* first.</summary>
    public static TextTable MorrisTable(IReadOnlyList<MorrisIndex> indices, string title)
    {
        var morris = new TextTable(title).Left("input").Right("μ*").Right("μ").Right("σ");
        foreach (var m in indices.OrderByDescending(i => i.MuStar))
        {
            var (e, lo, hi) = Rounding.Interval(m.MuStar, m.MuStarInterval.Lower, m.MuStarInterval.Upper, double.NaN);
            int dd = Rounding.Decimals(double.NaN, m.MuStarInterval.Lower, m.MuStarInterval.Upper);
            morris.Row(m.Name, $"{e} ({lo} to {hi})", Rounding.Fixed(m.Mu, dd), Rounding.Fixed(m.Sigma, dd));
        }

        return morris;
    }

    /// <summary>Sobol indices as a table, the largest total first.</summary>
    public static TextTable SobolTable(IReadOnlyList<SobolIndex> indices, string title)
    {
        var table = new TextTable(title).Left("input").Right("first order").Right("total");
        foreach (var s in indices.OrderByDescending(i => i.Total))
        {
            table.Row(s.Name, Share(s.First, s.FirstInterval), Share(s.Total, s.TotalInterval));
        }

        return table;
    }

    /// <summary>Sobol indices as JSON (an interval end that is not finite is null).</summary>
    public static JsonArray SobolJson(IReadOnlyList<SobolIndex> indices)
    {
        var array = new JsonArray();
        foreach (var s in indices)
        {
            array.Add(new JsonObject
            {
                ["name"] = s.Name,
                ["first"] = Bound(s.First),
                ["firstLower"] = Bound(s.FirstInterval.Lower),
                ["firstUpper"] = Bound(s.FirstInterval.Upper),
                ["total"] = Bound(s.Total),
                ["totalLower"] = Bound(s.TotalInterval.Lower),
                ["totalUpper"] = Bound(s.TotalInterval.Upper),
            });
        }

        return array;
    }

    /// <summary>
    /// A number for JSON: null when it is not finite, which JSON cannot hold. Null means undefined: an interval's end with
    /// <c>--bootstrap 0</c> (no interval computed); the noise share, and the Sobol indices, when the outputs do not vary across
    /// the design (output variance 0, for example an output that is 0 at every point); σ of a single trajectory.
    /// </summary>
    private static double? Bound(double value) => double.IsFinite(value) ? value : null;

    /// <summary>Morris indices as JSON.</summary>
    public static JsonArray MorrisJson(IReadOnlyList<MorrisIndex> indices)
    {
        var array = new JsonArray();
        foreach (var m in indices)
        {
            array.Add(new JsonObject
            {
                ["name"] = m.Name,
                ["muStar"] = Bound(m.MuStar),
                ["muStarLower"] = Bound(m.MuStarInterval.Lower),
                ["muStarUpper"] = Bound(m.MuStarInterval.Upper),
                ["mu"] = Bound(m.Mu),
                ["sigma"] = Bound(m.Sigma),
            });
        }

        return array;
    }

    /// <summary>A variance share and its interval as percentages, rounded to what the interval supports: "66 % (13 % to 125 %)".</summary>
    private static string Share(double value, MonteCarlo.ConfidenceInterval interval)
    {
        var (e, lo, hi) = Rounding.Interval(value * 100, interval.Lower * 100, interval.Upper * 100, double.NaN);
        return $"{e} % ({lo} % to {hi} %)";
    }

    /// <summary>The one-sentence verdict of a Sobol analysis: which input matters most, and whether that is clear at this sample size.</summary>
    public static string SobolVerdict(IReadOnlyList<SobolIndex> indices, string metric, double noiseShare)
    {
        if (indices.Count == 0)
        {
            return "Verdict: no input to rank.";
        }

        var ranked = indices.OrderByDescending(i => i.Total).ToArray();
        var top = ranked[0];
        string noise = double.IsFinite(noiseShare) ? $"; the randomness of single runs makes up {Rounding.Fixed(noiseShare * 100, 0)} % of the variance" : "";
        if (!(top.TotalInterval.Lower > 0))
        {
            return $"Verdict: no input clearly moves {metric} at this sample size (every total index's interval reaches 0){noise}; raise --samples or --runs.";
        }

        bool clear = ranked.Length == 1 || top.TotalInterval.Lower > ranked[1].TotalInterval.Upper;
        var (first, _, _) = Rounding.Interval(top.First * 100, top.FirstInterval.Lower * 100, top.FirstInterval.Upper * 100, double.NaN);
        var (total, _, _) = Rounding.Interval(top.Total * 100, top.TotalInterval.Lower * 100, top.TotalInterval.Upper * 100, double.NaN);
        return $"Verdict: {top.Name} {(clear ? "matters most" : "matters most by its estimate, though not clearly more than " + ranked[1].Name)} for {metric}: it explains about {first} % of its variance alone and {total} % with its interactions{noise}.";
    }

    /// <summary>The one-sentence verdict of a Morris screening: the input with the largest effect.</summary>
    public static string MorrisVerdict(IReadOnlyList<MorrisIndex> indices, string metric)
    {
        if (indices.Count == 0)
        {
            return "Verdict: no input to rank.";
        }

        var ranked = indices.OrderByDescending(i => i.MuStar).ToArray();
        var top = ranked[0];
        if (top.MuStar == 0)
        {
            return $"Verdict: no input moves {metric} in this screening (every μ* is 0).";
        }

        if (ranked.All(i => !(i.MuStarInterval.Lower > 0)))
        {
            return $"Verdict: no input clearly moves {metric} at this sample size (every μ*'s interval reaches 0; {top.Name}'s estimate is the largest); raise --samples or --runs.";
        }

        var (e, _, _) = Rounding.Interval(top.MuStar, top.MuStarInterval.Lower, top.MuStarInterval.Upper, double.NaN);
        bool clear = ranked.Length == 1 || top.MuStarInterval.Lower > ranked[1].MuStarInterval.Upper;
        return $"Verdict: {top.Name} has the largest effect on {metric}{(clear ? "" : " by its estimate, though not clearly more than " + ranked[1].Name)} (a step across its range moves it by {e} on average, μ*).";
    }

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
