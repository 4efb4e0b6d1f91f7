namespace SanctionsSim.Policy;

/// <summary>What an <see cref="InstrumentEffect"/> is told about the week it acts in.</summary>
/// <param name="Week">The week (0-based).</param>
/// <param name="Strength">The escalation multiplier: 1, or <see cref="Instrument.EscalationFactor"/> once the instrument has escalated.</param>
/// <param name="AllianceMultiplier">1 + the <see cref="Sender.BiteMultiplierForOthers"/> of every other sender in the coalition: how much the alliance sharpens revenue bites.</param>
/// <param name="Credibility">How far officers believe the instrument's promises this week: its <see cref="Instrument.Credibility"/> times the recognition boost, at most 1.</param>
public readonly record struct InstrumentWeek(int Week, double Strength, double AllianceMultiplier, double Credibility);
