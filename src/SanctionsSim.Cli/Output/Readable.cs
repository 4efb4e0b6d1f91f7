using SanctionsSim.Model;
using System.Globalization;
using SanctionsSim.Analysis;
using SanctionsSim.Simulation;

namespace SanctionsSim.Cli.Output;

/// <summary>Results in words a student can read: a verdict first, then numbers whose columns each mean one thing.</summary>
internal static class Readable
{
    /// <summary>A sender's name as people write it: "us" → "US", "eu" → "EU", "france" → "France".</summary>
    public static string Sender(string name)
        => name.Length <= 3 ? name.ToUpperInvariant() : char.ToUpperInvariant(name[0]) + name[1..];

    /// <summary>An outcome type in words: "survived", "removed by the high command", "collapse by defection", "split".</summary>
    public static string Outcome(OutcomeType outcome) => outcome switch
    {
        OutcomeType.Survived => "survived",
        OutcomeType.RemovedByHighCommand => "removed by the high command",
        OutcomeType.CollapseByDefection => "collapse by defection",
        OutcomeType.Split => "split",
        _ => outcome.ToString(),
    };

    /// <summary>An outcome type's name in JSON and CSV (camelCase of the enum: "survived", "removedByHighCommand", "collapseByDefection", "split").</summary>
    public static string OutcomeKey(OutcomeType outcome) => OutcomeTypes.Name(outcome);

    /// <summary>How likely, in words, from a probability's interval: only what the interval supports.</summary>
    public static string Likelihood(double lower, double upper) => (lower, upper) switch
    {
        (_, < 0.05) => "unlikely",
        ( > 0.95, _) => "almost certain",
        ( > 0.5, _) => "more likely than not",
        (_, < 0.5) => "less likely than not",
        _ => "about as likely as not (the interval includes 50 %)",
    };

    /// <summary>The one-paragraph verdict of a batch.</summary>
    public static string Verdict(SanctionsSummary s, long runs, double confidence)
    {
        var p = s.CollapseProbability;
        var ci = p.Wilson(confidence);
        var share = s.FinalDefectedShareDistribution;
        string collapse = string.Create(CultureInfo.InvariantCulture,
            $"In {runs:N0} simulated runs of {s.Weeks} weeks of '{s.ScenarioName}', the regime fell in {s.Collapses:N0} ({p.Estimate:P1}; {confidence:P0} interval {ci.Lower:P1} to {ci.Upper:P1}): under these assumptions a collapse within {s.Weeks} weeks is {Likelihood(ci.Lower, ci.Upper)}.");
        string when = s.TimeToCollapse.Count > 0
            ? string.Create(CultureInfo.InvariantCulture, $" When it fell, it fell in week {s.TimeToCollapse.Mean + 1:F0} on average.")
            : string.Empty;
        long removed = s.OutcomeProbability(OutcomeType.RemovedByHighCommand).Successes, split = s.OutcomeProbability(OutcomeType.Split).Successes;
        if (removed > 0)
        {
            when += string.Create(CultureInfo.InvariantCulture, $" In {removed:N0} of those runs the high command removed the ruler, the regime's apparatus intact; in {s.Collapses - removed:N0} the regime collapsed by defection.");
        }

        if (split > 0)
        {
            when += string.Create(CultureInfo.InvariantCulture, $" In {split:N0} runs the ruler stayed but a branch of the forces went over as a body (a split).");
        }
        string defections = string.Create(CultureInfo.InvariantCulture,
            $" By the end, {s.FinalDefectedShare.Mean:P1} of command strength had defected on average (in 90 % of runs between {share.Quantile(0.05):P1} and {share.Quantile(0.95):P1}); in weeks 1–12, {s.EarlyGeneralDefections.Mean:F1} generals and {s.EarlySeniorDefections.Mean:F1} senior officers defected and {s.EarlyLowRankCrossings.Mean:N0} soldiers crossed to the opposition.");
        return collapse + when + defections;
    }

    /// <summary>The verdict of a comparison, arm by arm against the reference.</summary>
    public static IEnumerable<string> Verdict(ComparisonSummary s, double confidence)
    {
        string reference = s.Arms[0].ScenarioName;
        for (int k = 1; k < s.Arms.Count; k++)
        {
            ArmEffect e = s.Effect(k, confidence);
            var ci = e.CollapseProbabilityDifferenceInterval;
            var (a, b) = (s.Arms[0].CollapseProbability, s.Arms[k].CollapseProbability);
            if (a.Successes == b.Successes && (a.Successes == 0 || a.Successes == a.Trials))
            {
                string what = a.Successes == 0 ? "collapsed in none" : "collapsed in all";
                double bound = a.Successes == 0 ? b.Wilson(confidence).Upper : b.Wilson(confidence).Lower;
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"'{e.Arm}' and '{reference}' both {what} of the {a.Trials:N0} paired runs: no difference can be seen at this number of runs (each arm's own interval puts P(collapse) {(a.Successes == 0 ? "below" : "above")} {bound:P1}).");
                continue;
            }

            string direction = ci.Lower > 0 ? "raises" : ci.Upper < 0 ? "lowers" : "does not clearly change";
            yield return string.Create(CultureInfo.InvariantCulture,
                $"'{e.Arm}' {direction} the probability of collapse compared with '{reference}': {e.CollapseProbabilityDifference:+0.0%;-0.0%;0.0%} ({confidence:P0} interval {ci.Lower:+0.0%;-0.0%;0.0%} to {ci.Upper:+0.0%;-0.0%;0.0%}), and changes the weeks the regime survives by {e.WeeksSurvivedDifference:+0.0;-0.0;0.0}.");
        }
    }

    /// <summary>Why a sender's cost is what it is, for the note under the table.</summary>
    public static string CostNote(SanctionsSummary s)
    {
        var zero = s.SenderNames.Where(n => s.SenderCost(n).Mean == 0).Select(Sender).ToArray();
        string note = "Costs are what each sender spends (USD bn over the horizon): a weekly cost for each of its instruments in force (lost trade, staff, programmes) plus any payment per defector.";
        return zero.Length == 0 ? note : note + $" {string.Join(" and ", zero)}: 0, because no cost is set on its instruments in this scenario (senderCostPerWeek, costPerDefector).";
    }
}
