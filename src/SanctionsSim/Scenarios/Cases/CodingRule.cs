namespace SanctionsSim.Scenarios.Cases;

/// <summary>One coding rule: which fact it reads, which scenario field it sets, the code, its constants and the literature behind it (docs/coding-rules.md).</summary>
/// <threadsafety>Immutable.</threadsafety>
internal sealed record CodingRule
{
    /// <summary>The rule's identifier, for example <c>PR1</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The fact (or facts) the rule reads, as paths into a case's facts.</summary>
    public required string Fact { get; init; }

    /// <summary>The scenario or observation field the rule sets.</summary>
    public required string Field { get; init; }

    /// <summary>The code, in words.</summary>
    public required string Code { get; init; }

    /// <summary>The rule's numbers by name (the code uses these, nothing else).</summary>
    public required IReadOnlyDictionary<string, double> Constants { get; init; }

    /// <summary>The literature behind the rule, or "assumption".</summary>
    public required string Literature { get; init; }
}
