namespace SanctionsSim.Design;

/// <summary>No package within the levers' bounds can meet the goal: the target is out of reach, or every package costs more than the budget.</summary>
public sealed class PackageInfeasibleException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public PackageInfeasibleException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is out of reach, with the best that was found.</param>
    public PackageInfeasibleException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="inner">The cause.</param>
    public PackageInfeasibleException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
