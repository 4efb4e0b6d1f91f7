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

            Declared(c, q, g);

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

        Declared(c, p, m!);
    }

    private static void ValidateSenderCommitment(Collector c, string p, Sender s)
    {
        ValidateCommitment(c, p + ".commitment", s.Commitment); // the sender's own numbers: Declared in ValidateCoalition
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

            Declared(c, p, x);
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

        Declared(c, p, k!);
    }
}
