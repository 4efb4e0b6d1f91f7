namespace SanctionsSim.IO;

/// <summary>
/// A mistake in what the user asked for: reported in one message, exit code 2, no stack trace. Internal: the command
/// line's distinction (its exit code), raised by the command line and by the IO jobs and pages it runs; no public
/// member of the package throws it (a library user gets <see cref="Validation.InvalidInputException"/>).
/// </summary>
internal sealed class UserInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UserInputException()
    {
    }

    /// <summary>Creates the exception with a message naming the field, the value and what is allowed.</summary>
    /// <param name="message">The message.</param>
    public UserInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public UserInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
