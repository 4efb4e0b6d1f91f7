namespace SanctionsSim.Policy;

/// <summary>What an <see cref="InstrumentEffect"/> is told about the week it acts in.</summary>
/// <remarks>The engine creates one per instrument in force each week; create your own to unit-test an effect.</remarks>
public readonly record struct InstrumentWeek
{
    /// <summary>The week (0-based).</summary>
    public int Week { get; init; }

    /// <summary>The escalation multiplier: 1, or <see cref="Instrument.EscalationFactor"/> once the instrument has escalated.</summary>
    public double Strength { get; init; }

    /// <summary>1 + the <see cref="Sender.BiteMultiplierForOthers"/> of every other sender in the coalition: how much the alliance sharpens revenue bites.</summary>
    public double AllianceMultiplier { get; init; }

    /// <summary>How far officers believe the instrument's promises this week: its <see cref="Instrument.Credibility"/> times the recognition boost, at most 1.</summary>
    public double Credibility { get; init; }
}
