using System.Globalization;

namespace SanctionsSim.Validation;

/// <summary>Thrown when the options of a run or an analysis are invalid; <see cref="InvalidInputException.Errors"/> names each option, its value and its range.</summary>
internal sealed class InvalidOptionsException : InvalidInputException
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="subject">What is invalid, for example "Monte Carlo options".</param>
    /// <param name="errors">The problems (at least one).</param>
    public InvalidOptionsException(string subject, IReadOnlyList<OptionError> errors)
        : base(errors, BuildMessage(subject, errors))
    {
    }

    /// <summary>Creates an exception with no listed problem.</summary>
    public InvalidOptionsException()
        : this("The options are invalid.")
    {
    }

    /// <summary>Creates an exception with a message and no listed problem.</summary>
    /// <param name="message">The message.</param>
    public InvalidOptionsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidOptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private static string BuildMessage(string subject, IReadOnlyList<OptionError> errors)
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
