using System.Globalization;

namespace SanctionsSim.Model;

/// <summary>
/// Thrown when an input is invalid: a scenario (<see cref="ScenarioValidationException"/>, a subclass), an input
/// file, or the options of a run or an analysis. <see cref="Errors"/> lists every problem at once, each with where it
/// is, its value and what is allowed. It is an <see cref="ArgumentException"/>: the caller passed a bad value.
/// </summary>
public class InvalidInputException : ArgumentException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="subject">What is invalid, for example "Monte Carlo options".</param>
    /// <param name="errors">The problems (at least one).</param>
    public InvalidInputException(string subject, IReadOnlyList<InputError> errors)
        : this(errors, BuildMessage(subject, errors))
    {
    }

    /// <summary>Creates an exception with no listed problem.</summary>
    public InvalidInputException()
        : this("The input is invalid.")
    {
    }

    /// <summary>Creates an exception with a message and no listed problem.</summary>
    /// <param name="message">The message.</param>
    public InvalidInputException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidInputException(string message, Exception innerException)
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

    private static string BuildMessage(string subject, IReadOnlyList<InputError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count switch
        {
            0 => $"Invalid {subject}.",
            1 => $"Invalid {subject}: {errors[0]}",
            _ => string.Create(CultureInfo.InvariantCulture, $"Invalid {subject} ({errors.Count} problems):") + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "- " + e)),
        };
    }
}
