namespace SanctionsSim.Scenarios;

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

/// <summary>Thrown when a scenario is invalid; lists every problem with its JSON path.</summary>
public sealed class ScenarioValidationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="errors">The problems (at least one).</param>
    public ScenarioValidationException(IReadOnlyList<ScenarioError> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates an exception with a message.</summary>
    public ScenarioValidationException()
        : this([])
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ScenarioValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ScenarioValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<ScenarioError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0
            ? "The scenario is invalid."
            : $"The scenario has {errors.Count} problem(s):" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
    }
}
