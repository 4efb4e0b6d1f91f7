using SanctionsSim.Model;
using SanctionsSim.Policy;

namespace SanctionsSim.Simulation;

/// <summary>
/// A validated scenario compiled once into flat arrays: the officer layout (faction, rank, superior, troop
/// weight), instruments and senders as parallel arrays, events. Shared read-only by every worker.
/// </summary>
internal sealed class CompiledScenario
{
    public const int RankGeneral = 0;
    public const int RankSenior = 1;

    public CompiledScenario(Scenario scenario)
    {
        scenario.Validate();
        Scenario = scenario;
        Weeks = scenario.Weeks;
        FactionCount = scenario.Factions.Count;
        FactionNames = scenario.Factions.Select(f => f.Name).ToArray();
        FactionTroops = scenario.Factions.Select(f => (double)f.Troops).ToArray();
        FactionImportance = scenario.Factions.Select(f => f.CollapseImportance).ToArray();
        FactionStart = new int[FactionCount + 1];
        GeneralCount = new int[FactionCount];
        int n = 0;
        for (int f = 0; f < FactionCount; f++)
        {
            Faction fa = scenario.Factions[f];
            FactionStart[f] = n;
            GeneralCount[f] = fa.Generals;
            n += fa.Generals * (1 + fa.SeniorOfficersPerGeneral);
        }

        FactionStart[FactionCount] = n;
        OfficerCount = n;
        FactionOf = new int[n];
        Rank = new byte[n];
        Superior = new int[n];
        Weight = new double[n];
        for (int f = 0; f < FactionCount; f++)
        {
            Faction fa = scenario.Factions[f];
            int g0 = FactionStart[f];
            int seniors = fa.Generals * fa.SeniorOfficersPerGeneral;
            double generalWeight = fa.Troops * fa.StaffShare / fa.Generals;
            double seniorWeight = seniors == 0 ? 0 : fa.Troops * (1 - fa.StaffShare) / seniors;
            for (int j = 0; j < fa.Generals; j++)
            {
                int i = g0 + j;
                FactionOf[i] = f;
                Rank[i] = RankGeneral;
                Superior[i] = j == 0 ? -1 : g0 + ((j - 1) / fa.CommandBranching);
                Weight[i] = generalWeight;
            }

            for (int j = 0; j < seniors; j++)
            {
                int i = g0 + fa.Generals + j;
                FactionOf[i] = f;
                Rank[i] = RankSenior;
                Superior[i] = g0 + (j / fa.SeniorOfficersPerGeneral);
                Weight[i] = seniorWeight;
            }
        }

        double total = 0;
        for (int f = 0; f < FactionCount; f++)
        {
            total += FactionImportance[f] * FactionTroops[f];
        }

        ImportanceWeightedStrength = total;

        // Static priority order by troop weight (ties: lower index first).
        WeightOrder = Enumerable.Range(0, n).OrderByDescending(i => Weight[i]).ThenBy(i => i).ToArray();

        Senders = scenario.Coalition.ToArray();
        var instruments = new List<(int Sender, Instrument Instrument)>();
        for (int s = 0; s < Senders.Length; s++)
        {
            foreach (Instrument ins in Senders[s].Instruments)
            {
                instruments.Add((s, ins));
            }
        }

        InstrumentSender = instruments.Select(x => x.Sender).ToArray();
        Instruments = instruments.Select(x => x.Instrument).ToArray();
        Events = scenario.Events.ToArray();
        InstrumentFactionMask = Instruments.Select(ins =>
        {
            if (ins.Factions is null || ins.Factions.Count == 0)
            {
                return null;
            }

            var mask = new bool[FactionCount];
            foreach (string name in ins.Factions)
            {
                mask[Array.IndexOf(FactionNames, name)] = true;
            }

            return mask;
        }).ToArray();
        UsedTargetings = Instruments.Where(i => i.Kind == InstrumentKind.ContactCampaign).Select(i => i.Targeting).Distinct().ToArray();
        double r0 = scenario.Regime.OilRevenuePerWeek + scenario.Regime.OtherRevenuePerWeek;
        BaselineRevenue = r0;
        BaselinePatronage = scenario.Regime.PatronageShare * r0;
    }

    public Scenario Scenario { get; }

    public int Weeks { get; }

    public int OfficerCount { get; }

    public int FactionCount { get; }

    public string[] FactionNames { get; }

    public double[] FactionTroops { get; }

    public double[] FactionImportance { get; }

    public int[] FactionStart { get; }

    public int[] GeneralCount { get; }

    public int[] FactionOf { get; }

    public byte[] Rank { get; }

    public int[] Superior { get; }

    public double[] Weight { get; }

    public double ImportanceWeightedStrength { get; }

    public int[] WeightOrder { get; }

    public Sender[] Senders { get; }

    public Instrument[] Instruments { get; }

    public int[] InstrumentSender { get; }

    public ExogenousEvent[] Events { get; }

    /// <summary>Per instrument: which factions it applies to (null: all).</summary>
    public bool[]?[] InstrumentFactionMask { get; }

    public Targeting[] UsedTargetings { get; }

    public double BaselineRevenue { get; }

    public double BaselinePatronage { get; }
}
