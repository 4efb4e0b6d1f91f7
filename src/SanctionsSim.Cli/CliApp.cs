using System.CommandLine;
using System.CommandLine.Help;
using System.ComponentModel.DataAnnotations;
using SanctionsSim.Cli.Commands;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;

namespace SanctionsSim.Cli;

/// <summary>
/// The <c>sanctionssim</c> command line, callable in-process (the tests pass their own writers). Internal: the CLI ships
/// as a .NET tool, which no project can reference, so nothing outside this assembly and its tests can call it.
/// Exit codes: 0 success, 2 bad input (the message names the field; <see cref="IsUserInput"/>), 1 anything else: a
/// bug (the message says so and names the exception), a file that cannot be written, or a batch stopped by Ctrl+C
/// (which still prints what finished, marked partial).
/// </summary>
internal static class CliApp
{
    /// <summary>Exit code for success.</summary>
    public const int Success = 0;

    /// <summary>Exit code for a failure that is not the user's input (or a cancelled, partial run).</summary>
    public const int Failure = 1;

    /// <summary>Exit code for bad input.</summary>
    public const int BadInput = 2;

    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where results go (standard output).</param>
    /// <param name="error">Where messages and progress go (standard error).</param>
    /// <param name="interactive">True when the error stream is a terminal: progress bars are drawn.</param>
    /// <param name="cancellationToken">Cancels a running batch.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool interactive = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var context = new CliContext(output, error, interactive, cancellationToken);
        Command root = BuildRoot(context);
        List<string> unknown = ParseErrors.UnknownTokens(root, args);
        ParseResult parsed = root.Parse(args);
        if (unknown.Count > 0 || parsed.Errors.Count > 0)
        {
            IEnumerable<string> messages = unknown.Count > 0 ? unknown : ParseErrors.Reword(parsed);
            foreach (string message in messages)
            {
                await error.WriteLineAsync("error: " + message).ConfigureAwait(false);
            }

            var names = new List<string>();
            for (var result = parsed.CommandResult; result is not null && result.Command != root; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            {
                names.Insert(0, result.Command.Name);
            }

            string command = names.Count == 0 ? string.Empty : string.Join(' ', names) + " ";
            await error.WriteLineAsync($"Run 'sanctionssim {command}--help' for usage.").ConfigureAwait(false);
            return BadInput;
        }

        try
        {
            // System.CommandLine turns SIGINT (Ctrl+C) into cancellation of the action's token and then waits for the
            // action to return: a batch stops at its next replication and prints what finished, marked partial.
            var configuration = new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = interactive || OperatingSystem.IsLinux() ? TimeSpan.FromSeconds(30) : null,
            };
            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // the command line's last line of defence: one message and an exit code, no stack trace
        catch (Exception e)
        {
            var (code, message) = Failed(e);
            await error.WriteLineAsync(message).ConfigureAwait(false);
            return code;
        }
#pragma warning restore CA1031
    }

    /// <summary>The exit code and the message of a command that threw <paramref name="e"/>.</summary>
    /// <param name="e">The exception.</param>
    /// <returns>2 and the message for the user's mistake; 1 and the message for anything else (a bug says it is one).</returns>
    internal static (int Code, string Message) Failed(Exception e) => e switch
    {
        _ when IsUserInput(e) => (BadInput, "error: " + e.Message),
        IOException or UnauthorizedAccessException => (Failure, "error: " + e.Message),
        OperationCanceledException => (Failure, "cancelled"),
        _ => (Failure, BugMessage(e)),
    };

    /// <summary>
    /// Whether an exception is a mistake in the user's input (exit code 2): the command line's own refusals, an invalid
    /// scenario, case or options (the library's validation exceptions: <see cref="SanctionsSim.Validation.InvalidInputException"/>, and a sweep lever's <see cref="ValidationException"/>), a results folder that does not fit the request
    /// (a checkpoint or plan of another batch, a damaged shard), a file or folder that does not exist. Anything
    /// else, an <see cref="ArgumentException"/> included, is a bug: the command line checks what the user typed before
    /// it reaches the library, so a library's argument check that fires is a broken promise, not a typo.
    /// </summary>
    /// <param name="e">The exception.</param>
    /// <returns>True for a user input error.</returns>
    internal static bool IsUserInput(Exception e)
        => e is UserInputException or SanctionsSim.Validation.InvalidInputException or ValidationException or IO.FolderStateException or FileNotFoundException or DirectoryNotFoundException;

    /// <summary>The message of an exception that is not the user's mistake: a bug, named by its type and message, to report.</summary>
    /// <param name="e">The exception.</param>
    /// <returns>One line for the error stream.</returns>
    internal static string BugMessage(Exception e)
        => $"error: this is a bug in SanctionsSim, not a mistake in your input ({e.GetType().FullName}: {e.Message}); please report it with the command line that caused it.";

    private static Command BuildRoot(CliContext context)
    {
        // a plain command named as the tool is installed (a RootCommand takes the assembly's name, SanctionsSim.Cli)
        var root = new Command("sanctionssim", "SanctionsSim: simulate sanctions against an authoritarian regime and the military-defection cascade they may set off.")
        {
            new HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(RunCommand.Create(context));
        root.Subcommands.Add(CompareCommand.Create(context));
        root.Subcommands.Add(CascadeCommand.Create(context));
        root.Subcommands.Add(ValidateCommand.Create(context));
        root.Subcommands.Add(InitCommand.Create(context));
        root.Subcommands.Add(PresetsCommand.Create(context));
        root.Subcommands.Add(CasesCommand.Create(context));
        root.Subcommands.Add(ScorecardCommand.Create(context));
        root.Subcommands.Add(MisfitCommand.Create(context));
        root.Subcommands.Add(ConstantsCommand.Create(context));
        root.Subcommands.Add(SchemaCommand.Create(context));
        root.Subcommands.Add(SweepCommand.Create(context));
        root.Subcommands.Add(SensitivityCommand.Create(context));
        root.Subcommands.Add(TippingCommand.Create(context));
        root.Subcommands.Add(TraceCommand.Create(context));
        root.Subcommands.Add(CalibrateCommand.Create(context));
        root.Subcommands.Add(DiscoverCommand.Create(context));
        root.Subcommands.Add(RobustCommand.Create(context));
        root.Subcommands.Add(OptimizeCommand.Create(context));
        root.Subcommands.Add(ShardCommands.Plan(context));
        root.Subcommands.Add(ShardCommands.RunShard(context));
        root.Subcommands.Add(ShardCommands.Merge(context));
        root.Subcommands.Add(ClusterCommands.Create(context));
        root.Subcommands.Add(ExploreCommand.Create(context));
        root.Subcommands.Add(DocsCommand.Create(context));
        return root;
    }
}

/// <summary>What every command needs: the writers, whether to draw progress, and the cancellation token.</summary>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Interactive">Draw progress bars on the error stream.</param>
/// <param name="Cancellation">Cancels a running batch.</param>
internal sealed record CliContext(TextWriter Output, TextWriter Error, bool Interactive, CancellationToken Cancellation);
