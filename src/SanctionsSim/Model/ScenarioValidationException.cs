using SanctionsSim.Validation;

namespace SanctionsSim.Model;

/// <summary>Thrown when a scenario (or an input file read with the scenario's rules) is invalid; lists every problem with its JSON path.</summary>
/// <remarks>An <see cref="InvalidInputException"/> whose problems are <see cref="ScenarioError"/>s.</remarks>
internal sealed class ScenarioValidationException : InvalidInputException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="errors">The problems (at least one).</param>
    public ScenarioValidationException(IReadOnlyList<ScenarioError> errors)
        : base(errors, BuildMessage(errors))
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
    public new IReadOnlyList<ScenarioError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<ScenarioError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0
            ? "The scenario is invalid."
            : $"The scenario has {errors.Count} problem(s):" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
    }
}
