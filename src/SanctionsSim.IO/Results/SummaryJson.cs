using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.Cascades;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Simulation;

namespace SanctionsSim.IO.Results;

/// <summary>The JSON and CSV shapes of results (documented in docs/cli.md).</summary>
internal static class SummaryJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The library's package version, as the core records it in its own manifests.</summary>
    public static string PackageVersion => SanctionsSim.Internal.PackageVersion.Current;

    /// <summary>Which posterior a run drew its structure from.</summary>
    public static JsonObject Posterior(Calibration.Posterior posterior) => new()
    {
        ["hash"] = posterior.Hash,
        ["particles"] = posterior.Count,
        ["generation"] = posterior.Population.Generation,
        ["tolerance"] = double.IsFinite(posterior.Population.Tolerance) ? posterior.Population.Tolerance : null,
    };

    /// <summary>The line under a table run under a posterior.</summary>
    public static string PosteriorLine(Calibration.Posterior posterior)
        => $"Structural parameters drawn per run from a posterior of {posterior.Count:N0} particles (generation {posterior.Population.Generation}, SHA-256 {posterior.Hash[..12]}…): the intervals include the structural uncertainty.";

    public static string ToText(JsonNode node) => node.ToJsonString(Indented) + "\n";

    public static JsonObject Proportion(ProportionEstimate p, double confidence)
    {
        var ci = p.Wilson(confidence);
        return new JsonObject
        {
            ["estimate"] = Number(p.Estimate),
            ["lower"] = Number(ci.Lower),
            ["upper"] = Number(ci.Upper),
            ["confidence"] = confidence,
            ["standardError"] = Number(p.StandardError),
            ["successes"] = p.Successes,
            ["trials"] = p.Trials,
        };
    }

    public static JsonObject Moments(RunningMoments m, double confidence)
    {
        var ci = m.MeanInterval(confidence);
        return new JsonObject
        {
            ["mean"] = Number(m.Mean),
            ["standardError"] = Number(m.StandardError),
            ["lower"] = Number(ci.Lower),
            ["upper"] = Number(ci.Upper),
            ["count"] = m.Count,
        };
    }

    public static JsonObject Summary(SanctionsSummary s, Scenario scenario, MonteCarloResult<SanctionsSummary> result)
    {
        double c = result.Confidence;
        var collapsedWeeks = s.TimeToCollapse;
        var final = s.FinalDefectedShareDistribution;
        var factions = new JsonArray();
        foreach (string name in s.FactionNames)
        {
            var f = s.Faction(name);
            factions.Add(new JsonObject
            {
                ["name"] = name,
                ["defectedShare"] = Moments(f.DefectedShare, c),
                ["generalsDefected"] = Moments(f.GeneralsDefected, c),
                ["seniorOfficersDefected"] = Moments(f.SeniorOfficersDefected, c),
                ["lowRankCrossings"] = Moments(f.LowRankCrossings, c),
                ["desertions"] = Moments(f.Desertions, c),
                ["tippedFirst"] = Proportion(f.TippedFirst, c),
            });
        }

        var costs = new JsonObject();
        foreach (string sender in s.SenderNames)
        {
            costs[sender] = Moments(s.SenderCost(sender), c);
        }

        var survival = new JsonArray();
        foreach (var point in s.SurvivalCurve(c))
        {
            survival.Add(new JsonObject { ["week"] = point.Week + 1, ["surviving"] = Number(point.Surviving), ["lower"] = Number(point.Interval.Lower), ["upper"] = Number(point.Interval.Upper) });
        }

        var node = new JsonObject
        {
            ["scenario"] = s.ScenarioName,
            ["scenarioHash"] = ScenarioJson.Hash(scenario),
            ["package"] = new JsonObject { ["name"] = "SanctionsSim", ["version"] = PackageVersion },
            ["runs"] = result.Replications,
            ["firstReplication"] = result.FirstReplication,
            ["seed"] = result.Seed,
            ["partial"] = result.IsPartial,
            ["weeks"] = s.Weeks,
            ["collapseProbability"] = CollapseProbability(s, c),
            ["outcomes"] = Outcomes(s, c),
            ["highCommandMoves"] = Moments(s.HighCommandMoves, c),
            ["failedHighCommandMoves"] = Moments(s.FailedHighCommandMoves, c),
            ["timeToCollapseWeeks"] = new JsonObject
            {
                ["mean"] = collapsedWeeks.Count > 0 ? Number(collapsedWeeks.Mean + 1) : null,
                ["standardError"] = collapsedWeeks.Count > 1 ? Number(collapsedWeeks.StandardError) : null,
                ["p50"] = collapsedWeeks.Count > 0 ? MedianCollapseWeek(s) : null,
                ["count"] = collapsedWeeks.Count,
                ["note"] = "weeks are 1-based; over the runs that collapsed",
            },
            ["weeksSurvived"] = Moments(s.WeeksSurvived, c),
            ["finalDefectedShare"] = new JsonObject
            {
                ["mean"] = Number(s.FinalDefectedShare.Mean),
                ["standardError"] = Number(s.FinalDefectedShare.StandardError),
                ["p05"] = Number(final.Quantile(0.05)),
                ["p50"] = Number(final.Quantile(0.5)),
                ["p95"] = Number(final.Quantile(0.95)),
            },
            ["largestWeeklyCascade"] = Moments(s.LargestWeeklyCascade, c),
            ["early"] = new JsonObject
            {
                ["weeks"] = 12,
                ["generals"] = Moments(s.EarlyGeneralDefections, c),
                ["seniorOfficers"] = Moments(s.EarlySeniorDefections, c),
                ["lowRankCrossings"] = Moments(s.EarlyLowRankCrossings, c),
            },
            ["purges"] = Moments(s.Purges, c),
            ["humanitarianBurdenUsdBillion"] = Moments(s.HumanitarianBurden, c),
            ["revenueLostUsdBillion"] = Moments(s.RevenueLost, c),
            ["finalReservesUsdBillion"] = Moments(s.FinalReserves, c),
            ["finalReachableReservesUsdBillion"] = Moments(s.FinalReachableReserves, c),
            ["senderCostsUsdBillion"] = costs,
            ["factions"] = factions,
            ["survival"] = survival,
        };
        if (s.AgentTotals.Count > 0)
        {
            var totals = new JsonObject();
            foreach (string name in s.AgentTotals)
            {
                totals[name] = Moments(s.AgentTotal(name), c);
            }

            node["agentTotals"] = totals;
        }

        return node;
    }

    /// <summary>P(collapse), which means "the ruler is gone" (by defection or removed by the high command), saying so.</summary>
    public static JsonObject CollapseProbability(SanctionsSummary s, double confidence)
    {
        JsonObject p = Proportion(s.CollapseProbability, confidence);
        p["note"] = "the ruler is gone within the horizon: outcomes collapseByDefection + removedByHighCommand";
        return p;
    }

    /// <summary>Each outcome type: its probability with its interval, and its week (1-based) over the runs that ended that way.</summary>
    public static JsonObject Outcomes(SanctionsSummary s, double confidence)
    {
        var node = new JsonObject();
        foreach (OutcomeSummary o in s.Outcomes)
        {
            node[Readable.OutcomeKey(o.Outcome)] = new JsonObject
            {
                ["probability"] = Proportion(o.Probability, confidence),
                ["weeks"] = o.Outcome == OutcomeType.Survived ? null : new JsonObject
                {
                    ["mean"] = o.Week.Count > 0 ? Number(o.Week.Mean + 1) : null,
                    ["standardError"] = o.Week.Count > 1 ? Number(o.Week.StandardError) : null,
                    ["p50"] = o.MedianWeek is int m ? m + 1 : null,
                    ["count"] = o.Week.Count,
                },
            };
        }

        return node;
    }

    public static JsonObject Comparison(ComparisonSummary s, MonteCarloResult<ComparisonSummary> result)
    {
        double c = result.Confidence;
        var arms = new JsonArray();
        for (int k = 0; k < s.Arms.Count; k++)
        {
            var arm = s.Arms[k];
            var entry = new JsonObject
            {
                ["scenario"] = arm.ScenarioName,
                ["collapseProbability"] = Proportion(arm.CollapseProbability, c),
                ["weeksSurvived"] = Moments(arm.WeeksSurvived, c),
                ["finalDefectedShare"] = Moments(arm.FinalDefectedShare, c),
            };
            if (k > 0)
            {
                var e = s.Effect(k, c);
                entry["effect"] = new JsonObject
                {
                    ["reference"] = e.Reference,
                    ["collapseProbabilityDifference"] = new JsonObject
                    {
                        ["estimate"] = Number(e.CollapseProbabilityDifference),
                        ["standardError"] = Number(e.CollapseProbabilityDifferenceStandardError),
                        ["lower"] = Number(e.CollapseProbabilityDifferenceInterval.Lower),
                        ["upper"] = Number(e.CollapseProbabilityDifferenceInterval.Upper),
                    },
                    ["weeksSurvivedDifference"] = new JsonObject
                    {
                        ["estimate"] = Number(e.WeeksSurvivedDifference),
                        ["standardError"] = Number(e.WeeksSurvivedDifferenceStandardError),
                        ["lower"] = Number(e.WeeksSurvivedDifferenceInterval.Lower),
                        ["upper"] = Number(e.WeeksSurvivedDifferenceInterval.Upper),
                    },
                    ["varianceReduction"] = new JsonObject
                    {
                        ["collapse"] = Number(e.CollapseVarianceReduction),
                        ["weeksSurvived"] = Number(e.WeeksVarianceReduction),
                    },
                };
            }

            arms.Add(entry);
        }

        return new JsonObject
        {
            ["runs"] = result.Replications,
            ["seed"] = result.Seed,
            ["partial"] = result.IsPartial,
            ["confidence"] = c,
            ["commonRandomNumbers"] = true,
            ["package"] = new JsonObject { ["name"] = "SanctionsSim", ["version"] = PackageVersion },
            ["arms"] = arms,
        };
    }

    public static JsonObject Watts(WattsModel model, MonteCarloResult<CascadeSummary> result)
    {
        double c = result.Confidence;
        var s = result.Summary;
        var prediction = model.Predict();
        var window = WattsAnalytics.ErdosRenyiWindow(model.Threshold);
        return new JsonObject
        {
            ["model"] = "watts",
            ["nodes"] = model.NodeCount,
            ["meanDegree"] = model.MeanDegree,
            ["threshold"] = model.Threshold,
            ["seeds"] = model.Seeds,
            ["globalFraction"] = model.GlobalFraction,
            ["runs"] = result.Replications,
            ["seed"] = result.Seed,
            ["partial"] = result.IsPartial,
            ["globalCascadeFrequency"] = Proportion(s.GlobalCascadeFrequency, c),
            ["meanGlobalCascadeSize"] = s.GlobalCascadeSize.Count > 0 ? Number(s.GlobalCascadeSize.Mean) : null,
            ["meanGlobalCascadeSizeStandardError"] = s.GlobalCascadeSize.Count > 1 ? Number(s.GlobalCascadeSize.StandardError) : null,
            ["meanCascadeSize"] = Moments(s.CascadeSize, c),
            ["analytic"] = new JsonObject
            {
                ["globalCascadeProbability"] = Number(prediction.GlobalCascadeProbability),
                ["meanGlobalCascadeSize"] = Number(prediction.MeanGlobalCascadeSize),
                ["inCascadeWindow"] = prediction.InCascadeWindow,
                ["cascadeConditionSum"] = Number(prediction.CascadeConditionSum),
                ["cascadeWindow"] = window is { } w ? new JsonObject { ["lower"] = Number(w.Lower), ["upper"] = Number(w.Upper) } : null,
            },
        };
    }

    public static string RunsCsv(SanctionsSummary s)
    {
        var b = new StringBuilder();
        b.Append("replication,collapsed,collapseWeek,finalDefectedShare,largestWeeklyCascade,purges,earlyGenerals,earlySeniorOfficers,earlyLowRankCrossings,humanitarianBurden,revenueLost,finalReserves,firstTippingFaction,cohesion,officersReached,outcome,outcomeWeek,failedHighCommandMoves");
        foreach (string sender in s.SenderNames)
        {
            b.Append(",cost_").Append(sender);
        }

        b.Append('\n');
        foreach (var r in s.Runs)
        {
            b.Append(CultureInfo.InvariantCulture, $"{r.Replication},{(r.Collapsed ? 1 : 0)},{(r.CollapseWeek is int w ? (w + 1).ToString(CultureInfo.InvariantCulture) : "")},{R(r.FinalDefectedShare)},{r.LargestWeeklyCascade},{r.Purges},{r.EarlyGeneralDefections},{r.EarlySeniorDefections},{R(r.EarlyLowRankCrossings)},{R(r.HumanitarianBurden)},{R(r.RevenueLost)},{R(r.FinalReserves)},{Csv(r.FirstTippingFaction)},{R(r.Cohesion)},{r.OfficersReached},{Readable.OutcomeKey(r.Outcome)},{(r.OutcomeWeek is int ow ? (ow + 1).ToString(CultureInfo.InvariantCulture) : "")},{r.FailedHighCommandMoves}");
            foreach (double cost in r.SenderCosts)
            {
                b.Append(',').Append(R(cost));
            }

            b.Append('\n');
        }

        return b.ToString();
    }

    public static string PathsCsv(SanctionsSummary s, double confidence)
    {
        var b = new StringBuilder("week,p05,p25,p50,p75,p95,surviving,survivingLower,survivingUpper,meanRevenue,meanHumanitarianBurden");
        foreach (string series in s.AgentSeries)
        {
            b.Append(CultureInfo.InvariantCulture, $",{series}:p05,{series}:p50,{series}:p95,{series}:mean");
        }

        b.Append('\n');
        var agents = s.AgentSeries.Select(a => (P05: s.AgentPathPercentile(a, 0.05), P50: s.AgentPathPercentile(a, 0.5), P95: s.AgentPathPercentile(a, 0.95), Mean: s.AgentPathMean(a))).ToArray();
        double[][] q = [s.DefectedSharePercentile(0.05), s.DefectedSharePercentile(0.25), s.DefectedSharePercentile(0.5), s.DefectedSharePercentile(0.75), s.DefectedSharePercentile(0.95)];
        var survival = s.SurvivalCurve(confidence);
        double[] revenue = s.MeanRevenuePath();
        double[] humanitarian = s.MeanHumanitarianPath();
        for (int w = 0; w < s.Weeks; w++)
        {
            b.Append(CultureInfo.InvariantCulture, $"{w + 1},{R(q[0][w])},{R(q[1][w])},{R(q[2][w])},{R(q[3][w])},{R(q[4][w])},{R(survival[w].Surviving)},{R(survival[w].Interval.Lower)},{R(survival[w].Interval.Upper)},{R(revenue[w])},{R(humanitarian[w])}");
            foreach (var a in agents)
            {
                b.Append(CultureInfo.InvariantCulture, $",{R(a.P05[w])},{R(a.P50[w])},{R(a.P95[w])},{R(a.Mean[w].Mean)}");
            }

            b.Append('\n');
        }

        return b.ToString();
    }

    public static string SummaryCsv(JsonObject summary)
    {
        var b = new StringBuilder("metric,estimate,lower,upper,standardError\n");
        void Row(string name, JsonNode? node)
        {
            if (node is JsonObject o && (o.ContainsKey("estimate") || o.ContainsKey("mean")))
            {
                b.Append(CultureInfo.InvariantCulture, $"{name},{V(o["estimate"] ?? o["mean"])},{V(o["lower"])},{V(o["upper"])},{V(o["standardError"])}\n");
            }
        }

        foreach (var (key, value) in summary)
        {
            if (value is JsonObject o)
            {
                Row(key, o);
                foreach (var (inner, innerValue) in o)
                {
                    Row(key + "." + inner, innerValue);
                }
            }
        }

        return b.ToString();

        static string V(JsonNode? n) => n is null ? "" : n.ToJsonString();
    }

    private static int? MedianCollapseWeek(SanctionsSummary s)
    {
        long half = (s.Collapses + 1) / 2, seen = 0;
        ReadOnlySpan<long> counts = s.CollapseWeekCounts;
        for (int w = 0; w < counts.Length; w++)
        {
            seen += counts[w];
            if (seen >= half)
            {
                return w + 1;
            }
        }

        return null;
    }

    private static JsonValue? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    private static string R(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Csv(string? text) => text is null ? "" : text.Contains(',') || text.Contains('"') ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}
