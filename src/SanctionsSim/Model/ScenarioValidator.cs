using System.Globalization;
using SanctionsSim.Internal;
using SanctionsSim.Model;
using SanctionsSim.Policy;

namespace SanctionsSim.Model;

/// <summary>Validates a <see cref="Scenario"/> field by field, collecting every problem with its JSON path.</summary>
internal static partial class ScenarioValidator
{
    /// <summary>The largest number of officer agents a scenario may define (memory guard).</summary>
    public const int MaxOfficers = 5_000_000;

    /// <summary>Validates a scenario.</summary>
    /// <param name="scenario">The scenario (null is reported as an error).</param>
    /// <returns>Every problem found; empty when valid.</returns>
    public static IReadOnlyList<ScenarioError> Validate(Scenario? scenario)
    {
        var c = new Collector();
        if (scenario is null)
        {
            c.Add("$", "null", "a scenario is required");
            return c.Errors;
        }

        c.Text("$.name", scenario.Name);
        c.Int("$.weeks", scenario.Weeks, 1, 10_000);
        var factionNames = new HashSet<string>(StringComparer.Ordinal);
        if (scenario.Factions is null || scenario.Factions.Count == 0)
        {
            c.Add("$.factions", scenario.Factions is null ? "null" : "[]", "at least one faction is required");
        }
        else
        {
            long officers = 0;
            for (int i = 0; i < scenario.Factions.Count; i++)
            {
                string p = $"$.factions[{i}]";
                Faction? f = scenario.Factions[i];
                if (f is null)
                {
                    c.Add(p, "null", "a faction is required");
                    continue;
                }

                if (c.Text(p + ".name", f.Name) && !factionNames.Add(f.Name))
                {
                    c.Add(p + ".name", Quote(f.Name), "faction names must be unique");
                }

                c.Int(p + ".generals", f.Generals, 1, 100_000);
                c.Int(p + ".seniorOfficersPerGeneral", f.SeniorOfficersPerGeneral, 0, 100);
                c.Int(p + ".commandBranching", f.CommandBranching, 1, 1000);
                c.Int(p + ".troops", f.Troops, 1, 100_000_000);
                c.Real(p + ".staffShare", f.StaffShare, 0, 1);
                if (f.SeniorOfficersPerGeneral == 0 && f.StaffShare != 1.0 && f.StaffShare is >= 0 and <= 1)
                {
                    c.Add(p + ".staffShare", Num(f.StaffShare), "must be 1 when seniorOfficersPerGeneral is 0 (the generals hold all troops)");
                }

                c.Real(p + ".collapseImportance", f.CollapseImportance, double.Epsilon, 100);
                c.Real(p + ".generalLoyaltyMean", f.GeneralLoyaltyMean, -100, 100);
                c.Real(p + ".seniorLoyaltyMean", f.SeniorLoyaltyMean, -100, 100);
                c.Real(p + ".loyaltyShift", f.LoyaltyShift, -100, 100);
                c.Real(p + ".loyaltySpread", f.LoyaltySpread, 0, 100);
                c.Real(p + ".familyExposureMean", f.FamilyExposureMean, 0, 1);
                c.Real(p + ".familyExposureConcentration", f.FamilyExposureConcentration, double.Epsilon, 1e6);
                c.Real(p + ".sanctionedShareGenerals", f.SanctionedShareGenerals, 0, 1);
                c.Real(p + ".sanctionedShareSeniors", f.SanctionedShareSeniors, 0, 1);
                c.Real(p + ".assetsAbroadMedianGenerals", f.AssetsAbroadMedianGenerals, 0, 1e4);
                c.Real(p + ".assetsAbroadMedianSeniors", f.AssetsAbroadMedianSeniors, 0, 1e4);
                c.Real(p + ".assetsAbroadLogSpread", f.AssetsAbroadLogSpread, 0, 10);
                c.Real(p + ".desertionRatePerWeek", f.DesertionRatePerWeek, 0, 1);
                c.Real(p + ".desertionPaySensitivity", f.DesertionPaySensitivity, 0, 1);
                c.Real(p + ".lowRankDefectionRatePerWeek", f.LowRankDefectionRatePerWeek, 0, 1);
                ValidateIdentities(c, p, f.Identities);
                if (f.Generals is >= 1 and <= 100_000 && f.SeniorOfficersPerGeneral is >= 0 and <= 100)
                {
                    officers += (long)f.Generals * (1 + f.SeniorOfficersPerGeneral);
                }
            }

            if (officers > MaxOfficers)
            {
                c.Add("$.factions", officers.ToString(CultureInfo.InvariantCulture) + " officers", $"at most {MaxOfficers:N0} officer agents fit in memory; lower generals or seniorOfficersPerGeneral");
            }
        }

        ValidateNetwork(c, scenario.Network);
        ValidateRegime(c, scenario.Regime);
        ValidateRegimeType(c, scenario.Regime);
        ValidateCoalition(c, scenario.Coalition, factionNames);
        ValidatePatrons(c, scenario.Patrons, scenario.Coalition);
        ValidateOpposition(c, scenario.Opposition);
        ValidateEvents(c, scenario.Events, scenario.Weeks);
        ValidateDecision(c, scenario.Decision);
        if (c.NotNull("$.collapse", scenario.Collapse))
        {
            c.Real("$.collapse.criticalShare", scenario.Collapse.CriticalShare, double.Epsilon, 1);
            c.Real("$.collapse.factionCriticalShare", scenario.Collapse.FactionCriticalShare, double.Epsilon, 1);
            c.Real("$.collapse.splitShare", scenario.Collapse.SplitShare, double.Epsilon, 1);
        }

        ValidateHighCommand(c, scenario.HighCommand);
        ValidateMechanisms(c, scenario, factionNames);

        return c.Errors;
    }

    private static void ValidateNetwork(Collector c, OfficerNetwork? n)
    {
        if (!c.NotNull("$.network", n))
        {
            return;
        }

        c.Real("$.network.siblingTieProbability", n!.SiblingTieProbability, 0, 1);
        c.Real("$.network.peerTiesPerGeneral", n.PeerTiesPerGeneral, 0, 1000);
        c.Real("$.network.crossFactionTiesPerGeneral", n.CrossFactionTiesPerGeneral, 0, 1000);
        c.Real("$.network.commandTieWeight", n.CommandTieWeight, 0, 1000);
        c.Real("$.network.peerTieWeight", n.PeerTieWeight, 0, 1000);
    }

    private static void ValidateRegime(Collector c, Regime? r)
    {
        if (!c.NotNull("$.regime", r))
        {
            return;
        }

        c.Real("$.regime.oilRevenuePerWeek", r!.OilRevenuePerWeek, 0, 1e3);
        c.Real("$.regime.otherRevenuePerWeek", r.OtherRevenuePerWeek, 0, 1e3);
        if (r.OilRevenuePerWeek + r.OtherRevenuePerWeek <= 0 && r.OilRevenuePerWeek >= 0 && r.OtherRevenuePerWeek >= 0)
        {
            c.Add("$.regime.oilRevenuePerWeek", Num(r.OilRevenuePerWeek), "oil and other revenue cannot both be 0 (patronage is a share of revenue)");
        }

        c.Real("$.regime.reservesAbroad", r.ReservesAbroad, 0, 1e5);
        c.Real("$.regime.patronageShare", r.PatronageShare, double.Epsilon, 1);
        c.Real("$.regime.detectionProbability", r.DetectionProbability, 0, 1);
        c.Real("$.regime.detectionDecay", r.DetectionDecay, 0, 1000);
        c.Real("$.regime.purgeCost", r.PurgeCost, 0, 1000);
        c.Real("$.regime.reprisalProbability", r.ReprisalProbability, 0, 1);
        c.Real("$.regime.reprisalSeverity", r.ReprisalSeverity, 0, 1000);
        c.Real("$.regime.fearIncreasePerPurge", r.FearIncreasePerPurge, 0, 1);
        c.Real("$.regime.payRaiseTrigger", r.PayRaiseTrigger, 0, 1);
        c.Real("$.regime.payRaiseSize", r.PayRaiseSize, 0, 10);
        ValidateCoupProofing(c, r.CoupProofing);
    }

    private static void ValidateCoalition(Collector c, IReadOnlyList<Sender>? senders, HashSet<string> factions)
    {
        if (!c.NotNull("$.coalition", senders))
        {
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < senders!.Count; i++)
        {
            string p = $"$.coalition[{i}]";
            Sender? s = senders[i];
            if (!c.NotNull(p, s))
            {
                continue;
            }

            if (c.Text(p + ".name", s!.Name) && !names.Add(s.Name))
            {
                c.Add(p + ".name", Quote(s.Name), "sender names must be unique");
            }

            if (s.JoinWeek is int jw)
            {
                c.Int(p + ".joinWeek", jw, 0, 10_000);
            }

            if (s.JoinWhenDefectedShareReaches is double t)
            {
                c.Real(p + ".joinWhenDefectedShareReaches", t, 0, 1);
            }

            c.Real(p + ".joinProbabilityPerWeek", s.JoinProbabilityPerWeek, 0, 1);
            c.Real(p + ".biteMultiplierForOthers", s.BiteMultiplierForOthers, 0, 10);
            ValidateSenderCommitment(c, p, s);
            if (!c.NotNull(p + ".instruments", s.Instruments))
            {
                continue;
            }

            for (int k = 0; k < s.Instruments.Count; k++)
            {
                string q = $"{p}.instruments[{k}]";
                Instrument? ins = s.Instruments[k];
                if (!c.NotNull(q, ins))
                {
                    continue;
                }

                if (!Enum.IsDefined(ins!.Kind))
                {
                    c.Add(q + ".kind", ins.Kind.ToString(), "must be one of " + string.Join(", ", Enum.GetNames<InstrumentKind>()));
                }
                else if (ins.Kind == InstrumentKind.Custom && ins.Effect is null)
                {
                    c.Add(q + ".kind", "custom", "a custom instrument needs its effect, written in C# (Instrument.Effect; docs/extending.md): a scenario file cannot hold one");
                }
                else if (ins.Kind != InstrumentKind.Custom && ins.Effect is not null)
                {
                    c.Add(q + ".kind", ins.Kind.ToString(), "an instrument with an Effect must be of kind Custom");
                }

                c.Int(q + ".startWeek", ins.StartWeek, 0, 10_000);
                if (ins.EndWeek is int end && end < ins.StartWeek)
                {
                    c.Add(q + ".endWeek", end.ToString(CultureInfo.InvariantCulture), $"must be at least startWeek ({ins.StartWeek})");
                }

                c.Real(q + ".bite", ins.Bite, 0, 1);
                c.Real(q + ".credibility", ins.Credibility, 0, 1);
                c.Real(q + ".value", ins.Value, 0, 1000);
                if (ins.Kind == InstrumentKind.AssetProtection)
                {
                    c.Real(q + ".value", ins.Value, 0, 1);
                }

                c.Real(q + ".freezeShare", ins.FreezeShare, 0, 1);
                c.Real(q + ".reachPerWeek", ins.ReachPerWeek, 0, 1e7);
                if (!Enum.IsDefined(ins.Targeting))
                {
                    c.Add(q + ".targeting", ins.Targeting.ToString(), "must be one of " + string.Join(", ", Enum.GetNames<Targeting>()));
                }

                c.Real(q + ".senderCostPerWeek", ins.SenderCostPerWeek, 0, 1e3);
                c.Real(q + ".costPerDefector", ins.CostPerDefector, 0, 10);
                c.Real(q + ".costPerUnitBitePerWeek", ins.CostPerUnitBitePerWeek, 0, 1e3);
                c.Real(q + ".costPerOfficerReached", ins.CostPerOfficerReached, 0, 10);
                c.Real(q + ".guaranteeCostPerWeek", ins.GuaranteeCostPerWeek, 0, 10);
                if (ins.EscalateAfterWeek is int ew)
                {
                    c.Int(q + ".escalateAfterWeek", ew, 0, 10_000);
                }

                if (c.NotNull(q + ".factions", ins.Factions))
                {
                    for (int j = 0; j < ins.Factions.Count; j++)
                    {
                        c.Reference($"{q}.factions[{j}]", ins.Factions[j], factions, "faction");
                    }
                }

                c.Real(q + ".escalateBelowShare", ins.EscalateBelowShare, 0, 1);
                c.Real(q + ".escalationFactor", ins.EscalationFactor, 1, 100);
            }
        }

    }

    private static void ValidateOpposition(Collector c, Opposition? o)
    {
        if (!c.NotNull("$.opposition", o))
        {
            return;
        }

        c.Real("$.opposition.recognitionCredibilityBoost", o!.RecognitionCredibilityBoost, 0, 10);
        c.Real("$.opposition.gainIfRegimeFalls", o.GainIfRegimeFalls, 0, 1000);
        c.Real("$.opposition.prosecutionCost", o.ProsecutionCost, 0, 1000);
        c.Real("$.opposition.sanctionedProsecutionCost", o.SanctionedProsecutionCost, 0, 1000);
    }

    private static void ValidateEvents(Collector c, IReadOnlyList<ExogenousEvent>? events, int weeks)
    {
        if (!c.NotNull("$.events", events))
        {
            return;
        }

        for (int i = 0; i < events!.Count; i++)
        {
            string p = $"$.events[{i}]";
            ExogenousEvent? e = events[i];
            if (!c.NotNull(p, e))
            {
                continue;
            }

            c.Text(p + ".name", e!.Name);
            if (!Enum.IsDefined(e.Kind))
            {
                c.Add(p + ".kind", e.Kind.ToString(), "must be one of " + string.Join(", ", Enum.GetNames<EventKind>()));
            }

            // against the horizon only when the horizon itself is valid (else its own error says it all)
            c.Int(p + ".week", e.Week, 0, weeks is >= 1 and <= 10_000 ? weeks - 1 : 9_999);
            c.Int(p + ".durationWeeks", e.DurationWeeks, 1, 10_000);
            c.Real(p + ".probability", e.Probability, 0, 1);
            c.Real(p + ".perceivedShareShock", e.PerceivedShareShock, -1, 1);
            c.Real(p + ".lowRankCrossingMultiplier", e.LowRankCrossingMultiplier, 0, 1e4);
            c.Real(p + ".coercionShock", e.CoercionShock, -1, 1);
        }
    }

    private static void ValidateDecision(Collector c, DecisionModel? d)
    {
        if (!c.NotNull("$.decision", d))
        {
            return;
        }

        c.Real("$.decision.noiseScale", d!.NoiseScale, 0, 100);
        c.Real("$.decision.publicNewsWeight", d.PublicNewsWeight, 0, 1);
        c.Real("$.decision.fallSteepness", d.FallSteepness, double.Epsilon, 1000);
        c.Real("$.decision.fallMidpoint", d.FallMidpoint, 0, 1);
        c.Real("$.decision.revenueLossFallEffect", d.RevenueLossFallEffect, 0, 100);
        c.Real("$.decision.crossingSharePull", d.CrossingSharePull, 0, 1000);
        c.Real("$.decision.cohesionUncertainty", d.CohesionUncertainty, 0, 100);
        c.Real("$.decision.grievanceSd", d.GrievanceSd, 0, 100);
        c.Real("$.decision.weeklyNoiseScale", d.WeeklyNoiseScale, 0, 100);
    }

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string? s) => s is null ? "null" : "\"" + s + "\"";

    private sealed class Collector
    {
        public List<ScenarioError> Errors { get; } = [];

        public void Add(string path, string value, string message)
            => Errors.Add(new ScenarioError { Path = path, Value = value, Message = message });

        public bool NotNull(string path, object? value)
        {
            if (value is null)
            {
                Add(path, "null", "a value is required");
                return false;
            }

            return true;
        }

        public bool Text(string path, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(path, Quote(value), "a non-empty name is required");
                return false;
            }

            return true;
        }

        /// <summary>A name that must be one of <paramref name="known"/>: otherwise an error listing them, with the closest as a suggestion.</summary>
        public void Reference(string path, string? name, HashSet<string> known, string kind, string? whenNone = null)
        {
            if (name is not null && known.Contains(name))
            {
                return;
            }

            if (known.Count == 0 && whenNone is not null)
            {
                Add(path, Quote(name), whenNone);
                return;
            }

            string? guess = name is null ? null : Suggest.Closest(name, known);
            Add(path, Quote(name), $"must name a {kind} of the scenario (" + string.Join(", ", known.Order(StringComparer.Ordinal)) + ")" + (guess is null ? "" : $"; did you mean \"{guess}\"?"));
        }

        public void Int(string path, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                Add(path, value.ToString(CultureInfo.InvariantCulture), $"must be an integer in [{min}, {max}]");
            }
        }

        public void Real(string path, double value, double min, double max)
        {
            // phrased positively so that NaN is rejected
            if (!(value >= min && value <= max))
            {
                string range = min == double.Epsilon ? $"(0, {Num(max)}]" : $"[{Num(min)}, {Num(max)}]";
                Add(path, Num(value), $"must be a finite number in {range}");
            }
        }
    }
}
