namespace SanctionsSim.Validation;

/// <summary>
/// Thrown when an input is invalid: a scenario or an input file (<see cref="Model.ScenarioValidationException"/>)
/// or the options of a run or an analysis (each problem's path is then the option's name, nested options joined by dots:
/// <c>MonteCarlo.Confidence</c>). <see cref="Errors"/> lists every
/// problem at once, each with where it is, its value and what is allowed. The one type to catch for a bad input; it is
/// an <see cref="ArgumentException"/>: the caller passed a bad value.
/// </summary>
public abstract class InvalidInputException : ArgumentException
{
    /// <summary>Creates an exception with a message and no listed problem.</summary>
    /// <param name="message">The message.</param>
    protected InvalidInputException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    protected InvalidInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Creates the exception with its message and the problems found.</summary>
    /// <param name="errors">The problems.</param>
    /// <param name="message">The message.</param>
    protected InvalidInputException(IReadOnlyList<InputError> errors, string message)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Errors = errors;
    }

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<InputError> Errors { get; }
}

