using SanctionsSim.Validation;
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
        Declared(c, "$", scenario);
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

                Declared(c, p, f);
                if (f.SeniorOfficersPerGeneral == 0 && f.StaffShare != 1.0 && f.StaffShare is >= 0 and <= 1)
                {
                    c.Add(p + ".staffShare", Num(f.StaffShare), "must be 1 when seniorOfficersPerGeneral is 0 (the generals hold all troops)");
                }
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
            Declared(c, "$.collapse", scenario.Collapse);
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

        Declared(c, "$.network", n!);
    }

    private static void ValidateRegime(Collector c, Regime? r)
    {
        if (!c.NotNull("$.regime", r))
        {
            return;
        }

        Declared(c, "$.regime", r!);
        if (r.OilRevenuePerWeek + r.OtherRevenuePerWeek <= 0 && r.OilRevenuePerWeek >= 0 && r.OtherRevenuePerWeek >= 0)
        {
            c.Add("$.regime.oilRevenuePerWeek", Num(r.OilRevenuePerWeek), "oil and other revenue cannot both be 0 (patronage is a share of revenue)");
        }

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

            Declared(c, p, s);
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

                Declared(c, q, ins);
                if (ins.EndWeek is int end && end < ins.StartWeek)
                {
                    c.Add(q + ".endWeek", end.ToString(CultureInfo.InvariantCulture), $"must be at least startWeek ({ins.StartWeek})");
                }

                if (ins.Kind == InstrumentKind.AssetProtection)
                {
                    c.Real(q + ".value", ins.Value, 0, 1);
                }

                if (!Enum.IsDefined(ins.Targeting))
                {
                    c.Add(q + ".targeting", ins.Targeting.ToString(), "must be one of " + string.Join(", ", Enum.GetNames<Targeting>()));
                }

                if (c.NotNull(q + ".factions", ins.Factions))
                {
                    for (int j = 0; j < ins.Factions.Count; j++)
                    {
                        c.Reference($"{q}.factions[{j}]", ins.Factions[j], factions, "faction");
                    }
                }
            }
        }
    }

    private static void ValidateOpposition(Collector c, Opposition? o)
    {
        if (!c.NotNull("$.opposition", o))
        {
            return;
        }

        Declared(c, "$.opposition", o!);
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
            Declared(c, p, e, except: "week");
        }
    }

    private static void ValidateDecision(Collector c, DecisionModel? d)
    {
        if (!c.NotNull("$.decision", d))
        {
            return;
        }

        Declared(c, "$.decision", d!);
    }

    /// <summary>Checks every number of <paramref name="value"/> against its declared range (<see cref="DeclaredRanges"/>), but <paramref name="except"/>; an unset optional number is not checked.</summary>
    private static void Declared(Collector c, string path, object value, string? except = null)
    {
        foreach (DeclaredRanges.Field field in DeclaredRanges.Of(value.GetType()))
        {
            if (field.JsonName == except || field.Read(value) is not double v)
            {
                continue;
            }

            // the path is only built for an error: this runs for every plan built
            if (field.Integer && !(v >= field.Range.Min && v <= field.Range.Max))
            {
                c.Int(path + "." + field.JsonName, (int)v, (int)field.Range.Min, (int)field.Range.Max);
            }
            else if (!field.Integer && !field.Range.Contains(v))
            {
                c.Real(path + "." + field.JsonName, v, field.Range);
            }
        }
    }

    private static string Num(double v) => InputCollector<ScenarioError>.Num(v);

    private static string Quote(string? s) => InputCollector<ScenarioError>.Quote(s);

    /// <summary>The scenario's collector: its problems are <see cref="ScenarioError"/>s named by JSON path.</summary>
    private sealed class Collector() : InputCollector<ScenarioError>((path, value, message) => new ScenarioError { Path = path, Value = value, Message = message });
}
