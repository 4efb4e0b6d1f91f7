using System.Globalization;
using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.IO.Text;

namespace SanctionsSim.IO.Results;

/// <summary>A robust choice across the posterior (<c>sanctionssim robust</c>) as JSON, a verdict and a table (#28 item 3).</summary>
internal static class RobustText
{
    /// <summary>The robust choice as JSON.</summary>
    public static JsonObject Json(RobustChoiceResult r) => new()
    {
        ["target"] = r.Target,
        ["particles"] = r.Particles.Count,
        ["replicationsPerParticle"] = r.ReplicationsPerParticle,
        ["seed"] = r.Seed,
        ["confidence"] = r.Confidence,
        ["posterior"] = SummaryJson.Posterior(r.Posterior),
        ["arms"] = new JsonArray([.. r.Arms.OrderBy(a => a.Rank).Select(a => (JsonNode)new JsonObject
        {
            ["name"] = a.Name,
            ["rank"] = a.Rank,
            ["meanCollapseProbability"] = a.MeanProbability,
            ["meanStandardError"] = a.MeanStandardError,
            ["satisficingShare"] = a.SatisficingShare,
            ["satisficingLower"] = a.SatisficingInterval.Lower,
            ["satisficingUpper"] = a.SatisficingInterval.Upper,
            ["meanRegret"] = a.MeanRegret,
            ["meanRegretStandardError"] = a.MeanRegretStandardError,
            ["regret90"] = a.Regret90,
            ["maxRegret"] = a.MaxRegret,
        })]),
        ["packageVersion"] = SummaryJson.PackageVersion,
    };

    /// <summary>The one-sentence verdict: the most robust arm and how often it reaches the goal across the posterior.</summary>
    public static string Verdict(RobustChoiceResult r)
    {
        var ranked = r.Arms.OrderBy(a => a.Rank).ToArray();
        var best = ranked[0];
        var (share, lo, hi) = Rounding.Percent(best.SatisficingShare, best.SatisficingInterval.Lower, best.SatisficingInterval.Upper, double.NaN);
        string goal = Rounding.Fixed(r.Target * 100, 0) + " %";
        string clear = ranked.Length > 1 && best.SatisficingInterval.Lower <= ranked[1].SatisficingInterval.Upper && best.SatisficingInterval.Upper >= ranked[1].SatisficingInterval.Lower
            ? $", though its lead over '{ranked[1].Name}' is within the intervals"
            : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"Verdict: '{best.Name}' is the most robust choice{clear}: it reaches a probability of collapse of at least {goal} in {share} of the plausible worlds drawn from the posterior ({r.Confidence:P0} interval {lo} to {hi}).");
    }

    /// <summary>The arms ranked by satisficing share, then mean regret.</summary>
    public static TextTable Table(RobustChoiceResult r)
    {
        var t = new TextTable($"Across {r.Particles.Count} posterior particles × {r.ReplicationsPerParticle} runs each: goal P(collapse) ≥ {r.Target.ToString(CultureInfo.InvariantCulture)}")
            .Right("rank").Left("policy").Right("satisficing share").Right($"{r.Confidence:P0} interval")
            .Right("mean P(collapse)").Right("mean regret").Right("90 % regret").Right("max regret");
        foreach (var a in r.Arms.OrderBy(a => a.Rank))
        {
            var (se, slo, shi) = Rounding.Percent(a.SatisficingShare, a.SatisficingInterval.Lower, a.SatisficingInterval.Upper, double.NaN);
            int rd = Rounding.Decimals(a.MeanRegretStandardError * 100);
            t.Row(a.Rank.ToString(CultureInfo.InvariantCulture), a.Name, se, $"{slo} to {shi}",
                $"{Rounding.Percent(a.MeanProbability, a.MeanStandardError)} ± {Rounding.Fixed(a.MeanStandardError * 100, Rounding.Decimals(a.MeanStandardError * 100))} pp", $"{Rounding.Fixed(a.MeanRegret * 100, rd)} ± {Rounding.Fixed(a.MeanRegretStandardError * 100, rd)} pp", $"{Rounding.Fixed(a.Regret90 * 100, rd)} pp", $"{Rounding.Fixed(a.MaxRegret * 100, rd)} pp");
        }

        return t;
    }

    /// <summary>How the arms are ranked, the noise of each particle's estimate, and the posterior drawn from.</summary>
    public static string Footer(RobustChoiceResult r)
    {
        return $"Ranked by satisficing share, then mean regret (regret: how far an arm's P(collapse) falls short of the best arm's on the same particle, in percentage points). Each particle's estimate has binomial noise up to ±{Rounding.Fixed(50 / Math.Sqrt(r.ReplicationsPerParticle), 1)} pp (1 SE, {r.ReplicationsPerParticle} runs). Particles drawn by weight from a posterior of {r.Posterior.Count:N0} (generation {r.Posterior.Population.Generation}, SHA-256 {r.Posterior.Hash[..12]}…).";
    }
}
