using System.Globalization;
using System.Text;
using SanctionsSim.Analysis;

namespace SanctionsSim.IO.Results;

/// <summary>The CSV files and outputs of the analyses (moved from the commands, #28 item 3): a header line, then one row per arm, particle, box or grid point; numbers round-trip (<c>R</c>), invariant culture.</summary>
internal static class ResultsCsv
{
    /// <summary><c>compare --format csv</c>: each arm's P(collapse) with its Wilson interval, and against the first arm the paired differences with their intervals.</summary>
    public static string Comparison(ComparisonSummary s, double c)
    {
        var b = new StringBuilder("scenario,collapseProbability,lower,upper,collapseDifference,collapseDifferenceLower,collapseDifferenceUpper,weeksSurvivedDifference,weeksDifferenceLower,weeksDifferenceUpper\n");
        for (int k = 0; k < s.Arms.Count; k++)
        {
            var p = s.Arms[k].CollapseProbability;
            var ci = p.Wilson(c);
            b.Append(CultureInfo.InvariantCulture, $"{s.Arms[k].ScenarioName},{p.Estimate:R},{ci.Lower:R},{ci.Upper:R}");
            if (k > 0)
            {
                var e = s.Effect(k, c);
                b.Append(CultureInfo.InvariantCulture, $",{e.CollapseProbabilityDifference:R},{e.CollapseProbabilityDifferenceInterval.Lower:R},{e.CollapseProbabilityDifferenceInterval.Upper:R},{e.WeeksSurvivedDifference:R},{e.WeeksSurvivedDifferenceInterval.Lower:R},{e.WeeksSurvivedDifferenceInterval.Upper:R}");
            }
            else
            {
                b.Append(",,,,,,");
            }

            b.Append('\n');
        }

        return b.ToString();
    }

    /// <summary><c>robust</c>'s particles.csv: each posterior particle's parameters and each arm's P(collapse) at it.</summary>
    public static string RobustParticles(RobustChoiceResult result)
    {
        var names = result.Posterior.Parameters.Select(p => p.Name).ToArray();
        var b = new StringBuilder("particle,posteriorIndex," + string.Join(",", names) + "," + string.Join(",", result.ArmNames) + "\n");
        for (int i = 0; i < result.Particles.Count; i++)
        {
            b.Append(CultureInfo.InvariantCulture, $"{i},{result.Particles[i]}");
            for (int j = 0; j < names.Length; j++)
            {
                b.Append(CultureInfo.InvariantCulture, $",{result.Parameter(i, j):R}");
            }

            for (int a = 0; a < result.ArmNames.Count; a++)
            {
                b.Append(CultureInfo.InvariantCulture, $",{result.Estimate(i, a):R}");
            }

            b.Append('\n');
        }

        return b.ToString();
    }

    /// <summary><c>discover</c>'s peeling trajectory (trajectory.csv and <c>--format csv</c>): one row per box.</summary>
    public static string PrimTrajectory(PrimResult result)
    {
        var b = new StringBuilder("box,coverage,density,mass,points,cases,restricted,limits\n");
        foreach (var x in result.Trajectory)
        {
            string limits = string.Join(" & ", x.Limits.Where(l => l.Restricted).Select(l => $"{l.Lower:R}<={l.Name}<={l.Upper:R}"));
            b.Append(CultureInfo.InvariantCulture, $"{x.Index},{x.Coverage:R},{x.Density:R},{x.Mass:R},{x.Points},{x.Cases},{x.RestrictedCount},\"{limits}\"\n");
        }

        return b.ToString();
    }

    /// <summary><c>tipping --format csv</c>: the collapse probability with its interval at each grid value of the lever.</summary>
    public static string TippingCurve(TippingResult result)
    {
        var b = new StringBuilder("value,collapseProbability,lower,upper\n");
        foreach (var p in result.Curve)
        {
            b.Append(string.Join(",", new[] { p.Value, p.Probability.Estimate, p.Interval.Lower, p.Interval.Upper }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))).Append('\n');
        }

        return b.ToString();
    }
}
