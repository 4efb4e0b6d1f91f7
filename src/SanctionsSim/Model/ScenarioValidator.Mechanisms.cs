namespace SanctionsSim.Model;

/// <summary>The revised mechanisms' fields (<see cref="ConditionalAmnesty"/>, <see cref="RepressionBackfire"/>, <see cref="Mobilisation"/>, and the events' orders and participation).</summary>
internal static partial class ScenarioValidator
{
    private static void ValidateMechanisms(Collector c, Scenario scenario, HashSet<string> factionNames)
    {
        if (c.NotNull("$.conditionalAmnesty", scenario.ConditionalAmnesty))
        {
            ConditionalAmnesty a = scenario.ConditionalAmnesty;
            Declared(c, "$.conditionalAmnesty", a);
        }

        if (c.NotNull("$.repressionBackfire", scenario.RepressionBackfire))
        {
            const string p = "$.repressionBackfire";
            RepressionBackfire r = scenario.RepressionBackfire;
            Declared(c, p, r);
            if (c.NotNull(p + ".rulerIdentities", r.RulerIdentities))
            {
                var identities = new HashSet<string>(StringComparer.Ordinal);
                foreach (Faction? f in scenario.Factions ?? [])
                {
                    foreach (IdentityGroup? g in f?.Identities ?? [])
                    {
                        if (g?.Name is not null)
                        {
                            identities.Add(g.Name);
                        }
                    }
                }

                for (int j = 0; j < r.RulerIdentities.Count; j++)
                {
                    c.Reference($"{p}.rulerIdentities[{j}]", r.RulerIdentities[j], identities, "identity group", "the scenario's factions have no identity groups");
                }
            }
        }

        double population = 0;
        bool populationValid = true;
        if (c.NotNull("$.mobilisation", scenario.Mobilisation))
        {
            const string p = "$.mobilisation";
            Mobilisation m = scenario.Mobilisation;
            Declared(c, p, m);
            populationValid = m.Population is >= 0 and <= 1e10;
            population = populationValid ? m.Population : 0;
        }

        if (scenario.Events is null)
        {
            return;
        }

        for (int i = 0; i < scenario.Events.Count; i++)
        {
            string p = $"$.events[{i}]";
            ExogenousEvent? e = scenario.Events[i];
            if (e is null)
            {
                continue; // its own error
            }

            if (c.NotNull(p + ".orderedFactions", e.OrderedFactions) && e.OrderedFactions.Count > 0 && e.Kind != EventKind.Crackdown)
            {
                c.Add(p + ".orderedFactions", "[" + string.Join(", ", e.OrderedFactions.Select(Quote)) + "]", "only a crackdown orders factions; set kind to crackdown or remove orderedFactions");
            }
            else if (e.OrderedFactions is not null)
            {
                for (int j = 0; j < e.OrderedFactions.Count; j++)
                {
                    c.Reference($"{p}.orderedFactions[{j}]", e.OrderedFactions[j], factionNames, "faction");
                }
            }

            if (e.Participation > 0 && e.Participants > 0)
            {
                c.Add(p + ".participants", Num(e.Participants), "give either participation (a share of the population) or participants, not both");
            }
            else if (e.Participants > 0 && e.Participants <= 1e10 && populationValid) // a bad population has its own error
            {
                if (population <= 0)
                {
                    c.Add(p + ".participants", Num(e.Participants), "needs $.mobilisation.population (> 0) to be a share of the population; or give participation as a share");
                }
                else if (e.Participants > population)
                {
                    c.Add(p + ".participants", Num(e.Participants), $"must be at most $.mobilisation.population = {Num(population)}");
                }
            }
        }
    }
}
