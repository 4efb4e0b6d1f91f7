namespace SanctionsSim.Validation;

/// <summary>
/// One problem found in an input (a scenario, an input file, or the options of a run or an analysis): where it is
/// (a JSON path such as <c>$.factions[2].troops</c>, or an option's name such as <c>MonteCarlo.Replications</c>),
/// the bad value, and what is allowed (the range, for a number).
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public abstract record InputError
{
    /// <summary>Where the problem is: a JSON path, or the name of an option (nested options joined by dots).</summary>
    public required string Path { get; init; }

    /// <summary>The offending value, as text ("null" when missing).</summary>
    public required string Value { get; init; }

    /// <summary>What is allowed, for example "must be in [1, 1024]".</summary>
    public required string Message { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Path} {Message}; got {Value}.";
}

