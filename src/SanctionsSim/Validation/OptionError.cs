namespace SanctionsSim.Validation;

/// <summary>One problem found in the options of a run or an analysis: the option (nested options joined by dots, <c>MonteCarlo.Confidence</c>), its value and what is allowed.</summary>
/// <threadsafety>Immutable.</threadsafety>
internal sealed record OptionError : InputError
{
    /// <inheritdoc />
    public override string ToString() => base.ToString(); // "Particles must be in [10, 100000]; got 5."
}
