using SanctionsSim.Internal;

namespace SanctionsSim.Calibration;

/// <summary>The six historical cases the structural parameters are calibrated on (docs/cases.md gives the facts, their sources and the observations).</summary>
public static class HistoricalCases
{
    private static readonly Lazy<HistoricalCase[]> Cases = new(() =>
    [
        new HistoricalCase("venezuela-2019", "No collapse within 2019; one active general and a trickle of rank and file (about 1,000 in Colombia by May).", Presets.Venezuela2019, new CaseObservation
        {
            Collapsed = false, EarlyGeneralDefections = 1, EarlyLowRankCrossings = 700,
            Source = "One active general of about 2,000 (SOUTHCOM); Colombian migration counts: 567 by 28 February, about 1,000 by May 2019 (interpolated to 700 by week 12).",
        }),
        new HistoricalCase("egypt-2011", "Collapse within about three weeks: the army removes the president (18 days), top down.", Presets.Egypt2011, new CaseObservation
        {
            Collapsed = true, CollapseWeek = 2,
            Source = "Mubarak resigned on 11 February 2011, 18 days after 25 January; the Supreme Council of the Armed Forces took over.",
        }),
        new HistoricalCase("libya-2011", "No collapse within three weeks, but a large split: eastern units and officials defect within about a week; elite units stay.", Presets.Libya2011, new CaseObservation
        {
            Collapsed = false, DefectedShare = 0.12,
            Source = "Eastern units (a third of the army: 0.135 of the scenario's command strength), the interior minister (Younis) and many diplomats defected in the first week; Tripoli fell only in August 2011.",
        }),
        new HistoricalCase("syria-2011", "No collapse within 15 months; defections concentrated in the out-group's lower ranks; about 13 generals by June 2012.", Presets.Syria2011, new CaseObservation
        {
            Collapsed = false, GeneralsDefected = 13,
            Source = "About 13 generals had defected by June 2012 (Christian Science Monitor, 2012).",
        }),
        new HistoricalCase("zimbabwe-2017", "Collapse within about two weeks, coordinated by the high command, without a mass defection of the ranks.", Presets.Zimbabwe2017, new CaseObservation
        {
            Collapsed = true, CollapseWeek = 2,
            Source = "The high command's warning on 13 November, the takeover on 14-15 November, Mugabe's resignation on 21 November 2017.",
        }),
        new HistoricalCase("myanmar-2021", "No collapse within two years; no general defects; a few thousand soldiers and police cross (about 3,000 soldiers and 7,000 police by January 2023).", Presets.Myanmar2021, new CaseObservation
        {
            Collapsed = false, GeneralsDefected = 0, LowRankCrossings = 10_000,
            Source = "About 3,000 soldiers and 7,000 police by January 2023 (People's Embrace); no general defected.",
        }),
    ]);

    /// <summary>Every case, Venezuela first.</summary>
    public static IReadOnlyList<HistoricalCase> All => Cases.Value;

    /// <summary>The cases' names.</summary>
    public static IReadOnlyList<string> Names => [.. Cases.Value.Select(c => c.Name)];

    /// <summary>A case by name.</summary>
    /// <param name="name">A name from <see cref="Names"/>.</param>
    /// <returns>The case.</returns>
    /// <exception cref="ArgumentException">No case has that name; the message suggests the nearest and lists them.</exception>
    public static HistoricalCase Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Cases.Value.FirstOrDefault(c => c.Name == name)
            ?? throw new ArgumentException($"Unknown case '{name}'.{Suggest.DidYouMean(name, Names)} Cases: {string.Join(", ", Names)}.", nameof(name));
    }
}
