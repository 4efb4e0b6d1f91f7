using System.CommandLine;
using System.Globalization;
using SanctionsSim.Experiments;
using SanctionsSim.IO;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;

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

    /// <summary>A design point's batch (<c>--runs</c>, <c>--threads</c>, <c>--confidence</c>) validated by the library's <see cref="SweepOptions"/>, each option named by its flag.</summary>
    public static void CheckCommon(int runs, int threads, double confidence)
    {
        try
        {
            new SweepOptions { MonteCarlo = new MonteCarlo.MonteCarloOptions { Replications = runs, MaxDegreeOfParallelism = threads, Confidence = confidence } }.Validate();
        }
        catch (SanctionsSim.Validation.InvalidInputException e)
        {
            throw new UserInputException(Common.Flags(e.Message), e);
        }
    }

    /// <summary>Runs a sweep-based job with its progress on the error stream (<see cref="Common.WithProgressAsync"/>); refusals of the output folder become input errors.</summary>
    public static async Task<T> WithProgressAsync<T>(CliContext context, string label, long points, Func<IProgress<SweepProgress>?, CancellationToken, Task<T>> run)
    {
        try
        {
            return await Common.WithProgressAsync(context, label, "points", points, (counter, token) => run(counter.ForSweep(), token)).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            throw new UserInputException(e.Message);
        }
    }

    public static string Partial(SweepResult sweep, DirectoryInfo? folder)
        => sweep.Completed ? string.Empty : $"partial: stopped after {sweep.PointsDone:N0} of {sweep.Points:N0} points" + (folder is null ? "." : $"; resume with --out {folder.FullName} --resume.");
}
