using SanctionsSim.Policy;

namespace SanctionsSim.Simulation;

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
