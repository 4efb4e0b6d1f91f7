namespace SanctionsSim.Cli;

/// <summary>The process entry point of the <c>sanctionssim</c> tool.</summary>
public static class Program
{
    /// <summary>Runs the command line; Ctrl+C cancels a running batch, which then reports what finished.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>0 on success, 2 on bad input, 1 otherwise.</returns>
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            if (!cancellation.IsCancellationRequested)
            {
                e.Cancel = true; // the first Ctrl+C stops the batch cleanly; a second one kills the process
                cancellation.Cancel();
            }
        };
        return await CliApp.RunAsync(args, Console.Out, Console.Error, interactive: !Console.IsErrorRedirected, cancellation.Token).ConfigureAwait(false);
    }
}
