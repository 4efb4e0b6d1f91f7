using SanctionsSim.Model;

namespace SanctionsSim.Scenarios.Cases;

/// <summary>What the coding rules make of a case's facts: the scenario, the ranges drawn per replication and the observation.</summary>
/// <threadsafety>Immutable.</threadsafety>
internal sealed record CodedCase
{
    /// <summary>The scenario at the facts' best estimates.</summary>
    public required Scenario Scenario { get; init; }

    /// <summary>The fields drawn per replication within the codes of their facts' ranges (rule D1).</summary>
    public required IReadOnlyList<FactRange> Ranges { get; init; }

    /// <summary>What happened, as the model measures it.</summary>
    public required CaseObservation Observation { get; init; }

    /// <summary>The version of the coding rules applied.</summary>
    public required string RulesVersion { get; init; }
}
