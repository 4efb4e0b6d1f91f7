namespace SanctionsSim.IO;

/// <summary>
/// A results folder that does not fit the request: the checkpoint of another batch or no checkpoint to resume, a plan
/// of another version, shards of another plan or damaged ones. Not a bug: the caller resolves it (resume, delete the
/// files, choose another folder), so the command line reports it as bad input (exit code 2). Internal: only the
/// internal checkpointed and sharded batches (<c>Batches/</c>) throw it, for the command line and the Orleans runner.
/// </summary>
internal sealed class FolderStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FolderStateException()
    {
    }

    /// <summary>Creates the exception with a message naming the folder or file and what to do.</summary>
    /// <param name="message">The message.</param>
    public FolderStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public FolderStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
