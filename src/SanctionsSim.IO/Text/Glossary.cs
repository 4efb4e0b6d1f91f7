namespace SanctionsSim.IO.Text;

/// <summary>The terms the command line prints, explained (<c>--explain</c>); docs/glossary.md holds the same entries, checked by a test.</summary>
internal static class Glossary
{
    /// <summary>Term and explanation, in the order they appear in the output.</summary>
    public static IReadOnlyList<(string Term, string Meaning)> Entries { get; } =
    [
        ("run", "One simulated course of events: the same scenario with its own random draws (officers' loyalties, ties, decisions, events). A batch runs many, to see how often each outcome happens."),
        ("P(collapse)", "The share of runs in which the ruler was gone within the horizon, whichever way (the regime collapsed by defection, or the high command removed the ruler): the estimate of the probability of collapse."),
        ("likelihood words", "How likely an outcome is, in the calibrated language of the IPCC (AR5 guidance note, Mastrandrea et al. 2010): virtually certain 99–100 %, very likely 90–100 %, likely 66–100 %, about as likely as not 33–66 %, unlikely 0–33 %, very unlikely 0–10 %, exceptionally unlikely 0–1 %. The word is the narrowest band that holds the whole interval, so it says only what the runs support; none is given when the interval crosses a border between bands."),
        ("interval", "The range that contains the true value with the stated confidence (95 % by default), given the number of runs: more runs, narrower interval. For a probability it is the Wilson score interval, which stays within 0–100 % and works near 0 and 1; for a mean, the mean ± t × standard error."),
        ("standard error (SE)", "How much an estimate would vary if the whole batch were run again with other random draws: the standard deviation across runs divided by the square root of the number of runs."),
        ("digits shown", "An estimate and its interval are rounded to the decimal place of the first significant digit of the standard error: a standard error of 0.36 percentage points shows one decimal (1.3 %), one of 0.036 two (1.27 %). More digits would change from one batch to the next."),
        ("spread across runs", "How different single runs are from each other (not how precise the estimate is): the 5th to 95th percentile of the runs, or their standard deviation."),
        ("command strength", "The troops of the armed forces, each faction weighted by its importance for a collapse; the defected share is the part under officers who defected or in units whose soldiers crossed."),
        ("collapse", "The regime falls in the first week in which the defected share of command strength reaches the critical share (one third by default), or any one faction's own share reaches its critical share when that rule is on."),
        ("outcome", "Every run ends one way: the regime survived; the ruler was removed by the high command, the regime's apparatus intact; the regime collapsed by defection; or the forces split (a branch went over as a body, its own defected share past the split share, while the ruler stayed). Each has its share of runs with its interval and its week."),
        ("high command", "The commanders of the units that matter (each branch's top general and the generals under him), who may move together to remove the ruler when each judges from his own reading of the regime's strength that enough others will join; a move that fails gets its plotters purged. Off unless the scenario switches it on."),
        ("weeks survived", "Weeks until the collapse, or the whole horizon when the regime did not fall: its mean is the restricted mean survival time."),
        ("weeks 1–12", "The first twelve weeks of the scenario (January to March 2019 in the Venezuela presets), compared with what was observed."),
        ("crossing", "A rank-and-file soldier leaving for the opposition's side (for example crossing the border into Colombia); counted toward collapse, unlike a desertion (leaving the service)."),
        ("purge", "An officer caught trying to defect: removed, not defected; each purge makes the regime's threats of reprisal more credible."),
        ("tipped first", "The faction whose own defected share first reached the critical share, as a share of runs."),
        ("humanitarian burden", "A proxy for what sanctions cost the population: the revenue they cut that was not patronage, summed over the horizon (USD bn)."),
        ("sender's cost", "What a member of the sanctioning coalition spends: a weekly cost per instrument in force plus payments per defector (USD bn)."),
        ("pp (percentage points)", "The difference between two percentages: from 1.8 % to 99.6 % is +97.8 pp (not +97.8 %, which would be a relative change)."),
        ("paired runs (common random numbers)", "Every policy is run on the same random draws, so the difference between two policies is not blurred by chance: its interval is much narrower than comparing separate batches."),
        ("commitment", "How resolved a sender of sanctions or a patron of the regime is, from 0 to 1: it falls with its own costs and, for senders, with the humanitarian burden, and rises with visible progress; a sender lifts or eases its sanctions and its promises lose credibility when it wavers."),
        ("patron", "An outside supporter of the regime (for Venezuela: Russia, China, Cuba) that buys the oil sanctions cut, lends money or helps its security services; secondary sanctions cut that support."),
        ("coup-proofing", "What the regime does against defection with a budget: arresting suspected officers, rotating commanders away from their ties, promoting, paying counterbalancing forces, controlling information."),
        ("identity group", "A sect or ethnic group within a faction whose officers and soldiers can differ in loyalty, exposure to reprisal, the fate they expect if the regime falls, and readiness to cross."),
        ("variance reduction", "How many times fewer runs the pairing needs than independent batches for the same precision of a difference; shown only when both arms vary."),
    ];

    /// <summary>The glossary as text.</summary>
    public static string Text() => string.Join(Environment.NewLine, Entries.Select(e => $"- {e.Term}: {e.Meaning}"));
}
