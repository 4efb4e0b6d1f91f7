namespace SanctionsSim.Model;

/// <summary>One problem found in a scenario: where (a JSON path such as <c>$.factions[2].troops</c>), the bad value, and what is allowed.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ScenarioError
{
    /// <summary>The JSON path of the field.</summary>
    public required string Path { get; init; }

    /// <summary>The offending value, as text ("null" when missing).</summary>
    public required string Value { get; init; }

    /// <summary>What is allowed.</summary>
    public required string Message { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}; got {Value}.";
}
