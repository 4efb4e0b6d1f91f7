using SanctionsSim.Model;
using System.Globalization;
using SanctionsSim.Analysis;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;

namespace SanctionsSim.IO.Text;

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

    /// <summary>
    /// The IPCC's calibrated likelihood terms (AR5 guidance note, Mastrandrea et al. 2010, table 1) with their
    /// probability ranges, the narrowest first so that the first band that contains an interval is the most specific.
    /// </summary>
    public static IReadOnlyList<(string Term, double Lower, double Upper)> LikelihoodScale { get; } =
    [
        ("virtually certain", 0.99, 1.0),
        ("exceptionally unlikely", 0.0, 0.01),
        ("very likely", 0.90, 1.0),
        ("very unlikely", 0.0, 0.10),
        ("about as likely as not", 0.33, 0.66),
        ("unlikely", 0.0, 0.33),
        ("likely", 0.66, 1.0),
    ];

    /// <summary>
    /// How likely, in the IPCC's words, from a probability's interval: the most specific band that contains the whole
    /// interval, or null when no band does (the interval straddles a border, as 20 % to 45 % does).
    /// </summary>
    public static string? Likelihood(double lower, double upper)
    {
        foreach (var (term, low, high) in LikelihoodScale)
        {
            if (lower >= low && upper <= high)
            {
                return term;
            }
        }

        return null;
    }

    /// <summary>"very unlikely" or, when no band holds the interval, a clause saying so.</summary>
    public static string LikelihoodPhrase(double lower, double upper)
        => Likelihood(lower, upper) ?? "not yet placed on the likelihood scale (its interval crosses a border between two of the scale's bands)";

    /// <summary>A probability with its interval and its likelihood word: "3.6 % (95 % interval 2.3 % to 5.6 %; very unlikely)".</summary>
    public static string Probability(ProportionEstimate p, double confidence)
    {
        var ci = p.Wilson(confidence);
        var (e, lo, hi) = Rounding.Percent(p.Estimate, ci.Lower, ci.Upper, p.StandardError);
        string word = Likelihood(ci.Lower, ci.Upper) is string w ? "; " + w : "";
        return string.Create(CultureInfo.InvariantCulture, $"{e} ({confidence:P0} interval {lo} to {hi}{word})");
    }

    /// <summary>The one-sentence verdict of a batch, the first line a student reads.</summary>
    public static string Headline(SanctionsSummary s, long runs, double confidence)
    {
        var p = s.CollapseProbability;
        var ci = p.Wilson(confidence);
        var (e, lo, hi) = Rounding.Percent(p.Estimate, ci.Lower, ci.Upper, p.StandardError);
        string chance = Likelihood(ci.Lower, ci.Upper) is string word
            ? $"a collapse of the regime within {s.Weeks} weeks is {word}"
            : $"the chance that the regime collapses within {s.Weeks} weeks is {e}, but {runs:N0} runs do not place it on the likelihood scale";
        return string.Create(CultureInfo.InvariantCulture,
            $"Verdict: under these assumptions, {chance}: the regime fell in {s.Collapses:N0} of {runs:N0} simulated runs ({e}; {confidence:P0} interval {lo} to {hi}).");
    }

    /// <summary>The one-paragraph verdict of a batch.</summary>
    public static string Verdict(SanctionsSummary s, long runs, double confidence)
    {
        var p = s.CollapseProbability;
        var ci = p.Wilson(confidence);
        var (e, lo, hi) = Rounding.Percent(p.Estimate, ci.Lower, ci.Upper, p.StandardError);
        var share = s.FinalDefectedShareDistribution;
        string shareMean = Rounding.Percent(s.FinalDefectedShare.Mean, s.FinalDefectedShare.StandardError);
        int shareDecimals = Rounding.Decimals(s.FinalDefectedShare.StandardError * 100);
        string collapse = string.Create(CultureInfo.InvariantCulture,
            $"In {runs:N0} simulated runs of {s.Weeks} weeks of '{s.ScenarioName}', the regime fell in {s.Collapses:N0} ({e}; {confidence:P0} interval {lo} to {hi}): under these assumptions a collapse within {s.Weeks} weeks is {LikelihoodPhrase(ci.Lower, ci.Upper)}.");
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
            $" By the end, {shareMean} of command strength had defected on average (in 90 % of runs between {Rounding.Fixed(share.Quantile(0.05) * 100, shareDecimals)} % and {Rounding.Fixed(share.Quantile(0.95) * 100, shareDecimals)} %); in weeks 1–12, {Rounding.Number(s.EarlyGeneralDefections.Mean, s.EarlyGeneralDefections.StandardError)} generals and {Rounding.Number(s.EarlySeniorDefections.Mean, s.EarlySeniorDefections.StandardError)} senior officers defected and {Rounding.Number(s.EarlyLowRankCrossings.Mean, s.EarlyLowRankCrossings.StandardError)} soldiers crossed to the opposition.");
        return collapse + when + defections;
    }

    /// <summary>The verdict of a comparison, arm by arm against the reference (differences in percentage points).</summary>
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
                var wilson = b.Wilson(confidence);
                double bound = a.Successes == 0 ? wilson.Upper : wilson.Lower;
                var (_, lo, hi) = Rounding.Percent(b.Estimate, wilson.Lower, wilson.Upper, b.StandardError);
                yield return string.Create(CultureInfo.InvariantCulture,
                    $"Verdict: '{e.Arm}' and '{reference}' both {what} of the {a.Trials:N0} paired runs: no difference can be seen at this number of runs (each arm's own interval puts P(collapse) {(a.Successes == 0 ? "below " + hi : "above " + lo)}).");
                continue;
            }

            string direction = ci.Lower > 0 ? "raises" : ci.Upper < 0 ? "lowers" : "does not clearly change";
            var (d, dlo, dhi) = Rounding.Points(e.CollapseProbabilityDifference, ci.Lower, ci.Upper, e.CollapseProbabilityDifferenceStandardError);
            var weeks = Rounding.SignedInterval(e.WeeksSurvivedDifference, e.WeeksSurvivedDifferenceInterval.Lower, e.WeeksSurvivedDifferenceInterval.Upper, e.WeeksSurvivedDifferenceStandardError);
            yield return string.Create(CultureInfo.InvariantCulture,
                $"Verdict: '{e.Arm}' {direction} the probability of collapse compared with '{reference}': {d} ({confidence:P0} interval {dlo} to {dhi}; pp = percentage points), and changes the weeks the regime survives by {weeks.Estimate}.");
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
