using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Policy;

namespace SanctionsSim.Simulation.Plan;

/// <summary>
/// A validated scenario compiled once: every value the weekly loop reads, hoisted out of the scenario's records
/// into flat arrays and small plan objects (the officer layout by faction, rank and superior with each officer's
/// troop weight; factions, regime, decision, senders, instruments with their effects, events). Shared read-only by
/// every worker; the replication code never reads a <see cref="Scenario"/>.
/// </summary>
internal sealed class SimulationPlan
{
    public const int RankGeneral = 0;
    public const int RankSenior = 1;

    public SimulationPlan(Scenario scenario)
    {
        scenario.Validate();
        Scenario = scenario;
        Weeks = scenario.Weeks;
        Factions = scenario.Factions.Select(f => new FactionPlan(f)).ToArray();
        FactionCount = Factions.Length;
        FactionNames = Factions.Select(f => f.Name).ToArray();
        FactionTroops = Factions.Select(f => f.Troops).ToArray();
        FactionImportance = Factions.Select(f => f.CollapseImportance).ToArray();
        Network = new NetworkPlan(scenario.Network);
        Regime = new RegimePlan(scenario.Regime);
        Decision = new DecisionPlan(scenario.Decision, scenario.Opposition);
        CriticalShare = scenario.Collapse.CriticalShare;
        FactionCriticalShare = scenario.Collapse.FactionCriticalShare;
        Events = scenario.Events.Select(e => new EventPlan(e, FactionNames, scenario.Mobilisation.Population)).ToArray();

        // the officer layout: per faction its generals (a command tree of the given branching), then their seniors
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

        AssignIdentities(scenario);
        Mechanisms = new MechanismsPlan(scenario, ClassFaction, ClassNames, scenario.Factions);

        // static priority order by troop weight (ties: lower index first)
        WeightOrder = Enumerable.Range(0, n).OrderByDescending(i => Weight[i]).ThenBy(i => i).ToArray();

        Senders = scenario.Coalition.Select(s => new SenderPlan(s)).ToArray();
        SenderNames = Senders.Select(s => s.Name).ToArray();
        var instruments = new List<InstrumentPlan>();
        for (int s = 0; s < scenario.Coalition.Count; s++)
        {
            foreach (Instrument ins in scenario.Coalition[s].Instruments)
            {
                instruments.Add(new InstrumentPlan(ins, s, FactionMask(ins), PatronMask(ins, scenario.Patrons)));
            }
        }

        Instruments = instruments.ToArray();
        Patrons = scenario.Patrons.Select(x => new PatronPlan(x)).ToArray();
        PatronNames = Patrons.Select(x => x.Name).ToArray();
        CoupProofing = new CoupProofingPlan(scenario.Regime.CoupProofing);
        HighCommand = new HighCommandPlan(scenario.HighCommand, scenario, FactionStart, FactionImportance, FactionTroops, ImportanceWeightedStrength);
        SplitShare = scenario.Collapse.SplitShare;
        AgentSeries = new AgentSeriesPlan(this);
        UsedTargetings = Instruments.Select(i => i.Effect.ReachOrder).OfType<Targeting>().Distinct().ToArray();
    }

    /// <summary>The scenario compiled (for reports only: the replication reads the plan).</summary>
    public Scenario Scenario { get; private set; }

    public int Weeks { get; }

    public int OfficerCount { get; }

    public int FactionCount { get; }

    public FactionPlan[] Factions { get; private set; }

    public string[] FactionNames { get; }

    public double[] FactionTroops { get; }

    public double[] FactionImportance { get; }

    /// <summary>Officers of faction f are [FactionStart[f], FactionStart[f + 1]); its generals come first.</summary>
    public int[] FactionStart { get; }

    public int[] GeneralCount { get; }

    public int[] FactionOf { get; }

    public byte[] Rank { get; }

    /// <summary>Each officer's superior (−1 for a faction's top general).</summary>
    public int[] Superior { get; }

    /// <summary>The troops each officer commands.</summary>
    public double[] Weight { get; }

    /// <summary>Σ_f importance_f · troops_f: the denominator of the defected share (Eq. 7).</summary>
    public double ImportanceWeightedStrength { get; }

    public int[] WeightOrder { get; }

    public NetworkPlan Network { get; }

    public RegimePlan Regime { get; private set; }

    public DecisionPlan Decision { get; private set; }

    public double CriticalShare { get; }

    public double FactionCriticalShare { get; }

    public SenderPlan[] Senders { get; }

    public string[] SenderNames { get; }

    public InstrumentPlan[] Instruments { get; }

    public EventPlan[] Events { get; }

    /// <summary>The regime's outside patrons.</summary>
    public PatronPlan[] Patrons { get; }

    public string[] PatronNames { get; }

    /// <summary>The adaptive agents' recorded series and totals.</summary>
    public AgentSeriesPlan AgentSeries { get; }

    /// <summary>The regime's repertoire against defection.</summary>
    public CoupProofingPlan CoupProofing { get; }

    /// <summary>The revised mechanisms (conditional amnesty, repression's backfire, mobilisation) and their switches.</summary>
    public MechanismsPlan Mechanisms { get; }

    /// <summary>The high command (its members and the game they play).</summary>
    public HighCommandPlan HighCommand { get; }

    /// <summary>A faction's own defected share at which a standing regime counts as split (<see cref="OutcomeType.Split"/>).</summary>
    public double SplitShare { get; }

    /// <summary>Decision classes: one per (faction, identity group); a faction without identities is one class.</summary>
    public int ClassCount { get; private set; }

    /// <summary>Each officer's decision class.</summary>
    public int[] ClassOf { get; private set; } = [];

    /// <summary>Each class's faction.</summary>
    public int[] ClassFaction { get; private set; } = [];

    /// <summary>Each class's name: the faction's, or "faction/identity".</summary>
    public string[] ClassNames { get; private set; } = [];

    /// <summary>F per class: the fate a defector of the class expects if the regime falls (0 without identities).</summary>
    public double[] ClassFate { get; private set; } = [];

    /// <summary>Loyalty shift per class of its generals (the group's per-rank shift, or its shift).</summary>
    public double[] ClassGeneralLoyaltyShift { get; private set; } = [];

    /// <summary>Loyalty shift per class of its senior officers (the group's per-rank shift, or its shift).</summary>
    public double[] ClassSeniorLoyaltyShift { get; private set; } = [];

    /// <summary>Family-exposure multiplier per class.</summary>
    public double[] ClassExposure { get; private set; } = [];

    /// <summary>Whether any faction has identity groups.</summary>
    public bool HasIdentities { get; private set; }

    /// <summary>The contact orders the campaigns need, in the order of their first instrument.</summary>
    public Targeting[] UsedTargetings { get; }

    /// <summary>
    /// This plan with another structure (a posterior particle): <paramref name="scenario"/> must differ from
    /// <see cref="Scenario"/> only in the calibrated structural parameters (<see cref="Calibration.StructuralParameters"/>),
    /// which the replication reads from <see cref="Factions"/>, <see cref="Regime"/> and <see cref="Decision"/> alone.
    /// Those three are compiled afresh; every other array and plan object (the officer layout, classes, events,
    /// instruments, mechanisms, the high command) is shared with this plan, so the result has this plan's shape and a
    /// worker built on this plan can run it after <see cref="Replication.Rebind"/>. Its runs are bit for bit those of
    /// <c>new SimulationPlan(scenario)</c> (PosteriorModelTests).
    /// </summary>
    /// <param name="scenario">The particle's scenario, already validated.</param>
    /// <returns>The rebound plan (a few small objects).</returns>
    public SimulationPlan WithStructure(Scenario scenario)
    {
        var plan = (SimulationPlan)MemberwiseClone();
        plan.Scenario = scenario;
        plan.Factions = scenario.Factions.Select(f => new FactionPlan(f)).ToArray();
        plan.Regime = new RegimePlan(scenario.Regime);
        plan.Decision = new DecisionPlan(scenario.Decision, scenario.Opposition);
        return plan;
    }

    /// <summary>
    /// Decision classes and each officer's identity. Within each faction and rank, the number of officers of group k
    /// is its share of the rank rounded by largest remainders; which officers they are follows a fixed hash order of
    /// the rank's positions, the same in every replication (identity is a fact of the army, not a draw, and no random
    /// stream is consumed).
    /// </summary>
    private void AssignIdentities(Scenario scenario)
    {
        var faction = new List<int>();
        var names = new List<string>();
        var fate = new List<double>();
        var shift = new List<double>();
        var seniorShift = new List<double>();
        var exposure = new List<double>();
        ClassOf = new int[OfficerCount];
        for (int f = 0; f < FactionCount; f++)
        {
            IdentityGroup[] groups = Factions[f].Identities;
            int first = faction.Count;
            if (groups.Length == 0)
            {
                faction.Add(f);
                names.Add(FactionNames[f]);
                fate.Add(0);
                shift.Add(0);
                seniorShift.Add(0);
                exposure.Add(1);
                for (int i = FactionStart[f]; i < FactionStart[f + 1]; i++)
                {
                    ClassOf[i] = first;
                }

                continue;
            }

            HasIdentities = true;
            foreach (IdentityGroup g in groups)
            {
                faction.Add(f);
                names.Add(FactionNames[f] + "/" + g.Name);
                fate.Add(g.FateIfRegimeFalls);
                shift.Add(g.GeneralLoyaltyShift ?? g.LoyaltyShift);
                seniorShift.Add(g.SeniorLoyaltyShift ?? g.LoyaltyShift);
                exposure.Add(g.ReprisalExposure);
            }

            int generalsEnd = FactionStart[f] + GeneralCount[f];
            AssignBlock(f, 0, FactionStart[f], generalsEnd, groups, first);
            AssignBlock(f, 1, generalsEnd, FactionStart[f + 1], groups, first);
        }

        ClassCount = faction.Count;
        ClassFaction = faction.ToArray();
        ClassNames = names.ToArray();
        ClassFate = fate.ToArray();
        ClassGeneralLoyaltyShift = shift.ToArray();
        ClassSeniorLoyaltyShift = seniorShift.ToArray();
        ClassExposure = exposure.ToArray();
    }

    private void AssignBlock(int faction, int rank, int start, int end, IdentityGroup[] groups, int firstClass)
    {
        int n = end - start;
        if (n == 0)
        {
            return;
        }

        // largest remainders: floor(share · n) each, then one more to the largest fractional parts (ties: earlier group)
        var counts = new int[groups.Length];
        var remainders = new double[groups.Length];
        int assigned = 0;
        for (int k = 0; k < groups.Length; k++)
        {
            double exact = groups[k].OfficerShare * n;
            counts[k] = (int)Math.Floor(exact);
            remainders[k] = exact - counts[k];
            assigned += counts[k];
        }

        foreach (int k in Enumerable.Range(0, groups.Length).OrderByDescending(k => remainders[k]).ThenBy(k => k).Take(n - assigned))
        {
            counts[k]++;
        }

        ulong salt = RandomStream.Mix(((ulong)(uint)faction << 8) | (uint)rank);
        int[] order = Enumerable.Range(start, n).OrderBy(i => RandomStream.Mix(salt ^ (ulong)i)).ToArray();
        int next = 0;
        for (int k = 0; k < groups.Length; k++)
        {
            for (int c = 0; c < counts[k]; c++)
            {
                ClassOf[order[next++]] = firstClass + k;
            }
        }
    }

    private static bool[]? PatronMask(Instrument ins, IReadOnlyList<Patron> patrons)
    {
        if (ins.Patrons is null || ins.Patrons.Count == 0)
        {
            return null;
        }

        var mask = new bool[patrons.Count];
        for (int p = 0; p < patrons.Count; p++)
        {
            mask[p] = ins.Patrons.Contains(patrons[p].Name, StringComparer.Ordinal);
        }

        return mask;
    }

    private bool[]? FactionMask(Instrument ins)
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
    }
}
