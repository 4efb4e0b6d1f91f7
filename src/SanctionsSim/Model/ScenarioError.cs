using SanctionsSim.Validation;

namespace SanctionsSim.Model;

/// <summary>One problem found in a scenario: where (a JSON path such as <c>$.factions[2].troops</c>), the bad value, and what is allowed.</summary>
/// <threadsafety>Immutable.</threadsafety>
internal sealed record ScenarioError : InputError
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}; got {Value}.";
}
