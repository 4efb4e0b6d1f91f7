using SanctionsSim.Model;
using SanctionsSim.Policy;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Scorecard;

/// <summary>
/// The coded facts of a case as a feature vector for the statistical baseline: what the model's own inputs say,
/// without the model. Read from the coded scenario and the recorded regime type only, never from the outcome.
/// </summary>
internal static class CaseFeatures
{
    /// <summary>The features' names, in order (docs/validation.md, §The scorecard).</summary>
    public static readonly string[] Names =
    [
        "log10 troops", "elite share of troops", "mean loyalty shift", "reprisal probability", "no counterweight",
        "largest protest shock", "crackdown weeks", "revenue sanctions", "targeted sanctions", "patrons",
        "identity cleavage", "personalist", "military", "single-party",
    ];

    public static double[] Of(CaseFile c)
    {
        ArgumentNullException.ThrowIfNull(c);
        Scenario s = c.Scenario;
        double troops = s.Factions.Sum(f => (double)f.Troops);
        double elite = s.Factions.Where(f => f.CollapseImportance >= 2).Sum(f => (double)f.Troops) / troops;
        double shift = s.Factions.Sum(f => f.Troops * f.LoyaltyShift) / troops;
        double protest = s.Events.Where(e => e.Kind == EventKind.MassProtest).Select(e => e.PerceivedShareShock).DefaultIfEmpty(0).Max();
        double crackdownWeeks = s.Events.Where(e => e.Kind == EventKind.Crackdown).Sum(e => e.DurationWeeks);
        var instruments = s.Coalition.SelectMany(x => x.Instruments).ToList();
        double revenue = instruments.Where(i => i.Kind is InstrumentKind.OilEmbargo or InstrumentKind.FinancialSanctions or InstrumentKind.AssetFreeze).Sum(i => i.Bite);
        double targeted = instruments.Any(i => i.Kind == InstrumentKind.TargetedSanctions) ? 1 : 0;
        string regime = c.RegimeType ?? "mixed";
        return
        [
            Math.Log10(troops), elite, shift, s.Regime.ReprisalProbability, s.Regime.DetectionProbability < 0.2 ? 1 : 0,
            protest, crackdownWeeks, revenue, targeted, s.Patrons.Count > 0 ? 1 : 0,
            s.Factions.Any(f => f.Identities.Count > 0) ? 1 : 0,
            regime == "personalist" ? 1 : 0, regime == "military" ? 1 : 0, regime == "single-party" ? 1 : 0,
        ];
    }
}
