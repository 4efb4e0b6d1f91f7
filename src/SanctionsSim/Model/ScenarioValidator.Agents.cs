using SanctionsSim.Policy;

namespace SanctionsSim.Model;

/// <summary>Validation of the adaptive agents' fields: identities, commitments, patrons and the regime's repertoire.</summary>
internal static partial class ScenarioValidator
{
    private const double ShareSumTolerance = 1e-9;

    private static void ValidateIdentities(Collector c, string faction, IReadOnlyList<IdentityGroup>? identities)
    {
        string p = faction + ".identities";
        if (!c.NotNull(p, identities) || identities!.Count == 0)
        {
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        double officers = 0, troops = 0;
        bool complete = true;
        for (int i = 0; i < identities.Count; i++)
        {
            string q = $"{p}[{i}]";
            IdentityGroup? g = identities[i];
            if (!c.NotNull(q, g))
            {
                complete = false;
                continue;
            }

            if (c.Text(q + ".name", g!.Name) && !names.Add(g.Name))
            {
                c.Add(q + ".name", Quote(g.Name), "identity names must be unique within a faction");
            }

            c.Real(q + ".officerShare", g.OfficerShare, 0, 1);
            c.Real(q + ".troopShare", g.TroopShare, 0, 1);
            c.Real(q + ".loyaltyShift", g.LoyaltyShift, -100, 100);
            if (g.GeneralLoyaltyShift is double general)
            {
                c.Real(q + ".generalLoyaltyShift", general, -100, 100);
            }

            if (g.SeniorLoyaltyShift is double senior)
            {
                c.Real(q + ".seniorLoyaltyShift", senior, -100, 100);
            }

            c.Real(q + ".reprisalExposure", g.ReprisalExposure, 0, 100);
            c.Real(q + ".fateIfRegimeFalls", g.FateIfRegimeFalls, 0, 1000);
            c.Real(q + ".crossingRateMultiplier", g.CrossingRateMultiplier, 0, 100);
            complete &= g.OfficerShare is >= 0 and <= 1 && g.TroopShare is >= 0 and <= 1;
            officers += g.OfficerShare;
            troops += g.TroopShare;
        }

        if (complete && Math.Abs(officers - 1) > ShareSumTolerance)
        {
            c.Add(p, "officerShare sum " + Num(officers), "the identity groups' officer shares must add up to 1");
        }

        if (complete && Math.Abs(troops - 1) > ShareSumTolerance)
        {
            c.Add(p, "troopShare sum " + Num(troops), "the identity groups' troop shares must add up to 1");
        }
    }

    private static void ValidateCommitment(Collector c, string p, Commitment? m)
    {
        if (!c.NotNull(p, m))
        {
            return;
        }

        c.Real(p + ".initial", m!.Initial, 0, 1);
        c.Real(p + ".adaptationRate", m.AdaptationRate, 0, 1);
        c.Real(p + ".costTolerancePerWeek", m.CostTolerancePerWeek, double.Epsilon, 1000);
        c.Real(p + ".costSensitivity", m.CostSensitivity, 0, 100);
        c.Real(p + ".humanitarianSensitivity", m.HumanitarianSensitivity, 0, 100);
        c.Real(p + ".progressFromDefections", m.ProgressFromDefections, -100, 100);
        c.Real(p + ".progressFromRevenueLoss", m.ProgressFromRevenueLoss, -100, 100);
        c.Real(p + ".allianceCohesion", m.AllianceCohesion, 0, 1);
    }

    private static void ValidateSenderCommitment(Collector c, string p, Sender s)
    {
        ValidateCommitment(c, p + ".commitment", s.Commitment);
        if (s.JoinWhenCommitmentReaches is double j)
        {
            c.Real(p + ".joinWhenCommitmentReaches", j, 0, 1);
        }

        c.Real(p + ".liftBelowCommitment", s.LiftBelowCommitment, 0, 1);
        c.Real(p + ".easeBelowCommitment", s.EaseBelowCommitment, 0, 1);
        c.Real(p + ".escalateAboveCommitment", s.EscalateAboveCommitment, 0, 1);
        c.Real(p + ".credibilityElasticity", s.CredibilityElasticity, 0, 10);
        c.Int(p + ".liftLagWeeks", s.LiftLagWeeks, 0, 10_000);
        c.Int(p + ".liftLagWeeksAfterRemoval", s.LiftLagWeeksAfterRemoval, 0, 10_000);
    }

    private static void ValidatePatrons(Collector c, IReadOnlyList<Patron>? patrons, IReadOnlyList<Sender>? senders)
    {
        if (!c.NotNull("$.patrons", patrons))
        {
            return;
        }

        ValidatePatronReferences(c, patrons!, senders);

        var senderNames = new HashSet<string>(senders?.Where(s => s?.Name is not null).Select(s => s.Name) ?? [], StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < patrons!.Count; i++)
        {
            string p = $"$.patrons[{i}]";
            Patron? x = patrons[i];
            if (!c.NotNull(p, x))
            {
                continue;
            }

            if (c.Text(p + ".name", x!.Name))
            {
                if (!names.Add(x.Name))
                {
                    c.Add(p + ".name", Quote(x.Name), "patron names must be unique");
                }
                else if (senderNames.Contains(x.Name))
                {
                    c.Add(p + ".name", Quote(x.Name), "a patron cannot share its name with a sender of the coalition");
                }
            }

            c.Int(p + ".startWeek", x.StartWeek, 0, 10_000);
            c.Real(p + ".oilPurchaseShare", x.OilPurchaseShare, 0, 1);
            c.Real(p + ".loansPerWeek", x.LoansPerWeek, 0, 1000);
            c.Real(p + ".detectionAssistance", x.DetectionAssistance, 0, 1);
            c.Real(p + ".secondarySanctionsExposurePerWeek", x.SecondarySanctionsExposurePerWeek, 0, 1000);
            c.Real(p + ".withdrawBelowCommitment", x.WithdrawBelowCommitment, 0, 1);
            ValidateCommitment(c, p + ".commitment", x.Commitment);
        }
    }

    /// <summary>Instruments' patron names: each must be a patron of the scenario, and only secondary sanctions name patrons.</summary>
    private static void ValidatePatronReferences(Collector c, IReadOnlyList<Patron> patrons, IReadOnlyList<Sender>? senders)
    {
        var names = new HashSet<string>(patrons.Where(p => p?.Name is not null).Select(p => p.Name), StringComparer.Ordinal);
        for (int i = 0; senders is not null && i < senders.Count; i++)
        {
            for (int k = 0; senders[i]?.Instruments is { } instruments && k < instruments.Count; k++)
            {
                Instrument? ins = instruments[k];
                string q = $"$.coalition[{i}].instruments[{k}].patrons";
                if (ins is null || !c.NotNull(q, ins.Patrons) || ins.Patrons.Count == 0)
                {
                    continue;
                }

                if (ins.Kind != InstrumentKind.SecondarySanctions)
                {
                    c.Add(q, "[" + string.Join(", ", ins.Patrons.Select(Quote)) + "]", "only secondary sanctions target patrons");
                    continue;
                }

                for (int j = 0; j < ins.Patrons.Count; j++)
                {
                    c.Reference($"{q}[{j}]", ins.Patrons[j], names, "patron", whenNone: "the scenario has no patrons");
                }
            }
        }
    }

    private static void ValidateCoupProofing(Collector c, CoupProofing? k)
    {
        const string p = "$.regime.coupProofing";
        if (!c.NotNull(p, k))
        {
            return;
        }

        c.Real(p + ".securityBudgetShare", k!.SecurityBudgetShare, 0, 1);
        c.Real(p + ".reserveDrawShare", k.ReserveDrawShare, 0, 1);
        c.Real(p + ".threatThreshold", k.ThreatThreshold, 0, 10);
        c.Real(p + ".suspicionFromContact", k.SuspicionFromContact, 0, 1);
        c.Real(p + ".suspicionFromDefectedTies", k.SuspicionFromDefectedTies, 0, 100);
        c.Real(p + ".suspicionFromSanctions", k.SuspicionFromSanctions, 0, 1);
        c.Int(p + ".maxArrestsPerWeek", k.MaxArrestsPerWeek, 0, 100_000);
        c.Real(p + ".arrestCost", k.ArrestCost, double.Epsilon, 10);
        c.Real(p + ".arrestMinSuspicion", k.ArrestMinSuspicion, 0, 1);
        c.Int(p + ".maxRotationsPerWeek", k.MaxRotationsPerWeek, 0, 100_000);
        c.Real(p + ".rotationCost", k.RotationCost, double.Epsilon, 10);
        c.Int(p + ".maxPromotionsPerWeek", k.MaxPromotionsPerWeek, 0, 100_000);
        c.Real(p + ".promotionCost", k.PromotionCost, double.Epsilon, 10);
        c.Real(p + ".promotionLoyaltyGain", k.PromotionLoyaltyGain, 0, 100);
        c.Real(p + ".promotionRiskReduction", k.PromotionRiskReduction, 0, 1);
        c.Int(p + ".maxCounterbalancingUnitsPerWeek", k.MaxCounterbalancingUnitsPerWeek, 0, 10_000);
        c.Real(p + ".counterbalancingUnitCost", k.CounterbalancingUnitCost, double.Epsilon, 10);
        c.Real(p + ".counterbalancingDetectionPerUnit", k.CounterbalancingDetectionPerUnit, 0, 1);
        c.Real(p + ".counterbalancingLoyalty", k.CounterbalancingLoyalty, 0, 1);
        c.Real(p + ".informationControlEffect", k.InformationControlEffect, 0, 1);
        c.Real(p + ".informationControlCostPerWeek", k.InformationControlCostPerWeek, double.Epsilon, 10);
    }
}
