namespace SanctionsSim.Cli;

/// <summary>The process entry point of the <c>sanctionssim</c> tool.</summary>
internal static class Program
{
    /// <summary>Runs the command line; Ctrl+C (SIGINT) cancels a running batch, which then reports what finished.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>0 on success, 2 on bad input, 1 otherwise.</returns>
    public static Task<int> Main(string[] args)
        => CliApp.RunAsync(args, Console.Out, Console.Error, interactive: !Console.IsErrorRedirected);
}
