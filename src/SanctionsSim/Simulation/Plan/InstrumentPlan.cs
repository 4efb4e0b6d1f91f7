using SanctionsSim.Policy;

namespace SanctionsSim.Simulation.Plan;

/// <summary>An instrument as the replication reads it: its schedule, its adaptive rule, whom it applies to, and its effect.</summary>
internal sealed class InstrumentPlan
{
    public InstrumentPlan(Instrument ins, int sender, bool[]? factionMask, bool[]? patronMask = null)
    {
        PatronMask = patronMask;
        Sender = sender;
        Effect = InstrumentEffect.For(ins);
        StartWeek = ins.StartWeek;
        EndWeek = ins.EndWeek;
        Credibility = ins.Credibility;
        SenderCostPerWeek = ins.SenderCostPerWeek;
        Bite = ins.Bite;
        CostPerUnitBitePerWeek = ins.CostPerUnitBitePerWeek;
        CostPerOfficerReached = ins.CostPerOfficerReached;
        GuaranteeCostPerWeek = ins.GuaranteeCostPerWeek;
        Public = ins.Public;
        EscalateAfterWeek = ins.EscalateAfterWeek;
        EscalateBelowShare = ins.EscalateBelowShare;
        EscalationFactor = ins.EscalationFactor;
        FactionMask = factionMask;
    }

    /// <summary>The index of the sender holding it.</summary>
    public int Sender { get; }

    /// <summary>What it does each week (built in for the standard kinds, the user's own for <see cref="InstrumentKind.Custom"/>).</summary>
    public InstrumentEffect Effect { get; }

    public int StartWeek { get; }

    public int? EndWeek { get; }

    public double Credibility { get; }

    public double SenderCostPerWeek { get; }

    public double Bite { get; }

    public double CostPerUnitBitePerWeek { get; }

    public double CostPerOfficerReached { get; }

    public double GuaranteeCostPerWeek { get; }

    /// <summary>Whether its offer is public (every officer knows it), else only officers reached know it.</summary>
    public bool Public { get; }

    /// <summary>The sender's cost of a week in force at <paramref name="strength"/>: the weekly cost, and the cost of the bite in force (Eq. 1f).</summary>
    public double WeekCost(double strength)
        => (SenderCostPerWeek * strength) + (CostPerUnitBitePerWeek == 0 ? 0 : CostPerUnitBitePerWeek * Math.Min(1.0, Bite * strength));

    /// <summary>Whether its offer reaches officer of faction <paramref name="faction"/> (a guarantee is given if he defects).</summary>
    public bool Covers(int faction, bool reached) => (Public || reached) && (FactionMask is null || FactionMask[faction]);

    public int? EscalateAfterWeek { get; }

    public double EscalateBelowShare { get; }

    public double EscalationFactor { get; }

    /// <summary>Which patrons its secondary sanctions apply to (null: all).</summary>
    public bool[]? PatronMask { get; }

    /// <summary>Which factions it applies to (null: all).</summary>
    public bool[]? FactionMask { get; }

    /// <summary>Whether the schedule has it in force in <paramref name="week"/> (the sender must also have joined).</summary>
    public bool Scheduled(int week) => week >= StartWeek && (EndWeek is null || week <= EndWeek);
}
