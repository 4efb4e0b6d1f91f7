namespace SanctionsSim.Model;

/// <summary>The regime type's fields (<see cref="Regime.Type"/>, <see cref="Regime.TypeEffects"/>).</summary>
internal static partial class ScenarioValidator
{
    private static void ValidateRegimeType(Collector c, Regime? r)
    {
        const string p = "$.regime";
        if (r is null)
        {
            return; // its own error
        }

        if (!Enum.IsDefined(r.Type))
        {
            c.Add(p + ".type", r.Type.ToString(), "must be one of " + string.Join(", ", Enum.GetNames<RegimeType>()));
        }

        if (!c.NotNull(p + ".typeEffects", r.TypeEffects))
        {
            return;
        }

        Effect(c, p + ".typeEffects.personalist", r.TypeEffects.Personalist);
        Effect(c, p + ".typeEffects.military", r.TypeEffects.Military);
        Effect(c, p + ".typeEffects.singleParty", r.TypeEffects.SingleParty);
        Effect(c, p + ".typeEffects.mixed", r.TypeEffects.Mixed);

        static void Effect(Collector c, string p, RegimeTypeEffect? e)
        {
            if (!c.NotNull(p, e))
            {
                return;
            }

            Declared(c, p, e!);
        }
    }
}
