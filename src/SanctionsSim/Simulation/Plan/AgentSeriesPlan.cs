namespace SanctionsSim.Simulation.Plan;

/// <summary>
/// The adaptive agents' weekly states a replication records (docs/model.md, §Adaptive agents, Outputs), and their
/// per-run totals: which exist depends on the scenario (an adaptive sender, a patron, a regime repertoire,
/// identity groups), so a scenario without agents records none and its outputs are unchanged.
/// </summary>
internal sealed class AgentSeriesPlan
{
    public const string Arrests = "regime/arrests";
    public const string Rotations = "regime/rotations";
    public const string Promotions = "regime/promotions";
    public const string Spending = "regime/security-spending";
    public const string Counterbalancing = "regime/counterbalancing-detection";
    public const string InformationControl = "regime/information-control";
    public const string Threat = "regime/threat";

    public AgentSeriesPlan(SimulationPlan plan)
    {
        var names = new List<string>();
        var upper = new List<double>();
        SenderSeries = new int[plan.Senders.Length];
        for (int s = 0; s < plan.Senders.Length; s++)
        {
            SenderPlan sender = plan.Senders[s];
            SenderSeries[s] = -1;
            if (!sender.Commitment.IsStatic)
            {
                SenderSeries[s] = names.Count;
                names.Add("commitment/" + sender.Name);
                upper.Add(1);
            }
        }

        PatronSeries = names.Count;
        PatronCount = plan.Patrons.Length;
        double offsetsUpper = 0;
        foreach (PatronPlan p in plan.Patrons)
        {
            names.Add("commitment/" + p.Name);
            upper.Add(1);
            double bound = Math.Max(1e-9, (p.OilPurchaseShare * plan.Regime.OilRevenuePerWeek) + p.LoansPerWeek);
            offsetsUpper += bound;
            names.Add("offset/" + p.Name);
            upper.Add(bound);
        }

        var totals = new List<string>();
        RegimeSeries = -1;
        CoupProofingPlan k = plan.CoupProofing;
        if (k.IsActive)
        {
            RegimeSeries = names.Count;
            double budget = (k.BudgetShare * (plan.Regime.BaselineRevenue + offsetsUpper)) + (k.ReserveDrawShare * plan.Regime.ReservesAbroad);
            names.AddRange([Arrests, Rotations, Promotions, Spending, Counterbalancing, InformationControl, Threat]);
            upper.AddRange([Math.Max(1, k.MaxArrests), Math.Max(1, k.MaxRotations), Math.Max(1, k.MaxPromotions), Math.Max(1e-9, budget), 1, 1, 2]);
            totals.AddRange([Arrests, Rotations, Promotions, Spending]);
        }

        PatronTotals = totals.Count;
        foreach (PatronPlan p in plan.Patrons)
        {
            totals.Add("cost/" + p.Name);
        }

        ClassTotals = -1;
        if (plan.HasIdentities)
        {
            ClassTotals = totals.Count;
            foreach (string c in plan.ClassNames)
            {
                totals.Add("defected/" + c);
            }
        }

        Names = names.ToArray();
        Upper = upper.ToArray();
        TotalNames = totals.ToArray();
    }

    /// <summary>The weekly series' names ("commitment/us", "offset/russia", "regime/arrests", …).</summary>
    public string[] Names { get; }

    /// <summary>Each series' upper bound (for the summary's histograms; values above it count as overflow).</summary>
    public double[] Upper { get; }

    /// <summary>The per-run totals' names.</summary>
    public string[] TotalNames { get; }

    /// <summary>Each sender's series index, or −1 when its commitment is static.</summary>
    public int[] SenderSeries { get; }

    /// <summary>The first patron series (commitment, offset per patron).</summary>
    public int PatronSeries { get; }

    /// <summary>How many patrons.</summary>
    public int PatronCount { get; }

    /// <summary>The first regime series, or −1 without a repertoire.</summary>
    public int RegimeSeries { get; }

    /// <summary>The first patron total (cost per patron).</summary>
    public int PatronTotals { get; }

    /// <summary>The first identity-class total (officers defected per class), or −1 without identities.</summary>
    public int ClassTotals { get; }
}
