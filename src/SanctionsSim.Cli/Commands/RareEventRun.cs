using System.CommandLine;
using SanctionsSim.Model;
using SanctionsSim.RareEvents;
using Spectre.Console;

namespace SanctionsSim.Cli.Commands;

/// <summary><c>run --rare-event</c>: the probability of a rare collapse by splitting or importance sampling, with its interval.</summary>
internal static class RareEventRun
{
    public static Option<bool> Flag() => new("--rare-event") { Description = "Estimate a rare collapse's probability instead of plain Monte Carlo: by default importance sampling, with a shift fitted by a splitting pilot; --rare-method splitting or path for multilevel splitting (score: the defected share over the critical share); see docs/rare-events.md." };

    public static Option<string> Method() => new Option<string>("--rare-method")
    {
        Description = "With --rare-event: importance (default: a splitting pilot on the random inputs fits an importance-sampling shift), splitting (sequential Monte Carlo on the random inputs) or path (adaptive multilevel splitting on the weekly randomness).",
        DefaultValueFactory = _ => "importance",
    }.AcceptOnlyFromAmong("importance", "splitting", "path");

    public static Option<int> PilotParticles() => new("--pilot-particles") { Description = "With --rare-event and --rare-method importance or splitting: particles of the pilot run that fixes the levels, moves and shift (10 to 1,000,000).", DefaultValueFactory = _ => 500 };

    public static Option<int> Particles() => new("--particles") { Description = "With --rare-event: samples or paths per run (importance, path: 2 to 1,000,000; splitting: 10 to 1,000,000).", DefaultValueFactory = _ => 200 };

    public static Option<int> Runs() => new("--splitting-runs") { Description = "With --rare-event: independent splitting runs averaged into the estimate; their spread gives its interval (2 to 100,000).", DefaultValueFactory = _ => 20 };

    public static async Task<int> RunAsync(CliContext context, Scenario scenario, RareEventSettings request, DirectoryInfo? output, bool resume, string? format, bool detail, CancellationToken token)
    {
        string? folder = output?.FullName;
        SplittingResult result;
        try
        {
            result = await Common.WithProgressAsync(context with { Cancellation = token }, $"rare event {scenario.Name}", "splitting runs", request.Runs, (counter, ct) => RareEventJob.RunAsync(scenario, request, folder, resume, counter, ct)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("cancelled" + (folder is null ? "" : $"; the finished splitting runs are saved in {folder}: run again with --resume")).ConfigureAwait(false);
            return CliApp.Failure;
        }

        var json = RareEventText.Json(scenario, request, result);
        if (folder is not null)
        {
            AtomicFile.WriteAllText(Path.Combine(folder, "rare-event.json"), SummaryJson.ToText(json));
        }

        await Emit.Result(context, OutputFormats.Parse(format), () => json, () => RareEventText.Csv(result), () =>
        {
            var console = Common.Console(context.Output, context.Interactive);
            context.Output.WriteLine(RareEventText.Verdict(scenario, request.Method, result));
            console.WriteLine();
            console.Write(Common.Draw(RareEventText.Table(scenario, request, result, detail)));
            if (RareEventText.Warning(result) is string warning)
            {
                console.MarkupLine("[yellow]" + Markup.Escape(warning) + "[/]");
            }

            if (!detail && result.Levels is not null)
            {
                console.WriteLine("Run with --detail for the pilot's levels and the importance shift.");
            }

            context.Output.WriteLine(request.Structure.Line());
        }).ConfigureAwait(false);
        return CliApp.Success;
    }
}
