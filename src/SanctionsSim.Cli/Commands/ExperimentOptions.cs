using System.CommandLine;
using System.Globalization;
using SanctionsSim.Experiments;
using SanctionsSim.IO;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using Spectre.Console;

namespace SanctionsSim.Cli.Commands;

/// <summary>Options and helpers shared by sweep, sensitivity and tipping.</summary>
internal static class ExperimentOptions
{
    public const string ParamHelp = "A lever: PATH=LOWER:UPPER, optionally ~log, ~triangular(MODE) or ~normal(MEAN,SD); for example coalition.us.amnesty.credibility=0.2:1. Repeat for several levers.";

    public static Argument<FileInfo?> ScenarioFile() => new("FILE") { Description = "A scenario file (JSON); omit to use a preset.", Arity = ArgumentArity.ZeroOrOne };

    public static Option<string?> Preset() => new("--preset", "-p") { Description = $"A built-in scenario (default {Presets.Default}); see 'sanctionssim presets'." };

    public static Option<string[]> Param() => new("--param") { Description = ParamHelp, AllowMultipleArgumentsPerToken = false };

    public static Option<FileInfo?> ExperimentFileOption() => new("--experiment", "-e") { Description = "An experiment file (JSON): levers with ranges and distributions, and optionally the scenario, design, replications and seed (see docs/analysis.md)." };

    public static Option<bool> Resume() => new("--resume") { Description = "With --out: continue the sweep recorded in the folder's manifest (finished points are read back, not rerun)." };

    public static Option<int> RunsPerPoint(int defaultValue) => new("--runs", "-n") { Description = "Replications per design point.", DefaultValueFactory = _ => defaultValue };

    /// <summary>The experiment file (if any), the scenario and the levers, from the command's options.</summary>
    public static (Scenario Scenario, IReadOnlyList<ExperimentParameter> Levers, ExperimentFile? File) Load(ParseResult parse, Argument<FileInfo?> file, Option<string?> preset, Option<string[]> param, Option<FileInfo?> experiment)
        => InputFiles.Experiment(parse.GetValue(file), parse.GetValue(preset), parse.GetValue(param) ?? [], parse.GetValue(experiment));

    public static void CheckCommon(int runs, int threads, double confidence)
    {
        if (runs is < 1 or > 10_000_000)
        {
            throw new UserInputException($"--runs must be in [1, 10000000]; got {runs}.");
        }

        Common.MonteCarlo(1, 1, threads, confidence);
    }

    /// <summary>Runs a sweep-based job with a progress bar on the error stream when it is a terminal; refusals of the output folder become input errors.</summary>
    public static async Task<T> WithProgressAsync<T>(CliContext context, string label, long points, Func<IProgress<SweepProgress>?, CancellationToken, Task<T>> run)
    {
        try
        {
            if (!context.Interactive)
            {
                var lines = new ProgressLines(context.Error, label, "points").ForSweep();
                return await Task.Run(() => run(lines, context.Cancellation), CancellationToken.None).ConfigureAwait(false);
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Error) });
            T result = default!;
            await console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask(label, maxValue: points);
                    result = await Task.Run(() => run(new Sink(task), context.Cancellation), CancellationToken.None).ConfigureAwait(false);
                }).ConfigureAwait(false);
            return result;
        }
        catch (InvalidOperationException e)
        {
            throw new UserInputException(e.Message);
        }
    }

    public static string Partial(SweepResult sweep, DirectoryInfo? folder)
        => sweep.Completed ? string.Empty : $"partial: stopped after {sweep.PointsDone:N0} of {sweep.Points:N0} points" + (folder is null ? "." : $"; resume with --out {folder.FullName} --resume.");

    private sealed class Sink(ProgressTask task) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => task.Value = value.PointsDone;
    }
}
