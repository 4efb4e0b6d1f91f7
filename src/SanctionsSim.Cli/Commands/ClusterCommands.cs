using System.CommandLine;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Hosting;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Orleans;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Cli.Commands;

/// <summary>
/// <c>cluster silo</c> and <c>cluster run</c>: a batch on an Orleans cluster (<see cref="OrleansRunner"/>), with
/// localhost clustering for development: start one or more silos on this machine, then run batches against them.
/// For a production cluster, host the grains in your own silo with a production clustering provider
/// (docs/scale-out.md, "An Orleans cluster").
/// </summary>
internal static class ClusterCommands
{
    public static Command Create(CliContext context)
    {
        var command = new Command("cluster", "Run batches on an Orleans cluster: 'cluster silo' starts a silo on this machine (localhost clustering), 'cluster run' runs a batch on the silos.");
        command.Subcommands.Add(Silo(context));
        command.Subcommands.Add(Run(context));
        return command;
    }

    private static Command Silo(CliContext context)
    {
        var port = new Option<int>("--port") { Description = "The silo-to-silo port.", DefaultValueFactory = _ => 11111 };
        var gateway = new Option<int>("--gateway-port") { Description = "The port clients connect to.", DefaultValueFactory = _ => 30000 };
        var primary = new Option<int?>("--primary-port") { Description = "The silo port of the first silo, for every silo after the first (localhost clustering needs one primary)." };
        var command = new Command("silo", "Start an Orleans silo that runs SanctionsSim shards, with localhost clustering (development); stop it with Ctrl+C.") { port, gateway, primary };
        command.SetAction(async (parse, token) =>
        {
            int p = CheckPort(parse.GetValue(port), "--port"), g = CheckPort(parse.GetValue(gateway), "--gateway-port");
            int? first = parse.GetValue(primary) is int pp ? CheckPort(pp, "--primary-port") : null;
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.UseOrleans(silo => silo.UseLocalhostClustering(p, g, first is int f ? new IPEndPoint(IPAddress.Loopback, f) : null));
            using IHost host = builder.Build();
            await host.StartAsync(token).ConfigureAwait(false);
            await context.Error.WriteLineAsync($"silo up: silo port {p}, gateway port {g}{(first is int fp ? $", joined the primary on {fp}" : " (primary)")}; Ctrl+C stops it").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }

    private static Command Run(CliContext context)
    {
        var file = new Argument<FileInfo?>("FILE") { Description = "A scenario file (JSON); omit to run a preset.", Arity = ArgumentArity.ZeroOrOne };
        var preset = new Option<string?>("--preset", "-p") { Description = $"A built-in scenario (default {Presets.Default})." };
        var runs = Common.Runs(1000);
        var seed = Common.Seed();
        var confidence = Common.Confidence();
        var format = Common.Format();
        var shards = new Option<int>("--shards") { Description = "How many shards (grain calls) to split the replications into.", DefaultValueFactory = _ => 16 };
        var threads = new Option<int>("--threads-per-shard") { Description = "Threads each shard uses on its silo (−1: all its cores).", DefaultValueFactory = _ => 1 };
        var timeout = new Option<int>("--shard-timeout") { Description = "Seconds to wait for one shard before calling it again (size it to a shard's work).", DefaultValueFactory = _ => 600 };
        var connect = new Option<int>("--connect-timeout") { Description = "Seconds to keep trying to reach a silo before giving up.", DefaultValueFactory = _ => 20 };
        var gateways = new Option<int[]>("--gateway-port") { Description = "The silos' gateway ports on this machine (localhost clustering).", DefaultValueFactory = _ => [30000], AllowMultipleArgumentsPerToken = true };
        var structureOption = Common.Structure();
        var posteriorOption = Common.Posterior();
        var command = new Command("run", "Run a batch of 'run' on the silos: the same output as 'run' on one machine, bit for bit.")
        {
            file, preset, runs, seed, confidence, format, shards, threads, timeout, connect, gateways, structureOption, posteriorOption,
        };
        command.SetAction(async (parse, token) =>
        {
            Scenario scenario = InputFiles.FileOrPreset(parse.GetValue(file), parse.GetValue(preset));
            var options = Common.MonteCarlo(parse.GetValue(runs), parse.GetValue(seed), 1, parse.GetValue(confidence));
            var structure = Common.Structure(parse, structureOption, posteriorOption);
            var runnerOptions = new OrleansRunnerOptions { Shards = parse.GetValue(shards), ThreadsPerShard = parse.GetValue(threads), ShardTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) };
            Common.Validate(runnerOptions.Validate, ("Shards must", "--shards must"), ("ThreadsPerShard must", "--threads-per-shard must"), ("ShardTimeout (seconds) must", "--shard-timeout (seconds) must"));
            int[] ports = parse.GetValue(gateways)!.Select(g => CheckPort(g, "--gateway-port")).ToArray();
            int connectSeconds = parse.GetValue(connect);
            if (connectSeconds is < 1 or > 3600)
            {
                throw new UserInputException($"--connect-timeout must be in [1, 3600] seconds; got {connectSeconds}.");
            }

            var builder = Host.CreateApplicationBuilder();
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            var giveUp = DateTime.UtcNow.AddSeconds(connectSeconds); // wall time only bounds the connection attempts, never a result
            builder.UseOrleansClient(client => client.UseLocalhostClustering(ports).UseConnectionRetryFilter(async (_, ct) =>
            {
                if (DateTime.UtcNow >= giveUp)
                {
                    return false;
                }

                await Task.Delay(TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
                return true;
            }));
            using IHost host = builder.Build();
            try
            {
                await host.StartAsync(token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new UserInputException($"no silo answered on gateway port(s) {string.Join(", ", ports)}: start one with 'sanctionssim cluster silo' ({e.Message})", e);
            }

            var runner = new OrleansRunner(host.Services.GetRequiredService<IClusterClient>(), runnerOptions with { Shards = (int)Math.Min(runnerOptions.Shards, options.Replications) });
            var summary = await (structure.Posterior is { } drawn ? runner.RunWithPosteriorAsync(scenario, drawn, options, token) : runner.RunAsync(scenario, options, token)).ConfigureAwait(false);
            await host.StopAsync(CancellationToken.None).ConfigureAwait(false);
            var result = new MonteCarloResult<SanctionsSim.Simulation.SanctionsSummary>(summary, options.Seed, 0, summary.Replications, StopReason.Completed, options.Confidence);
            var json = RunJob.Summary(result, scenario, structure, drawnFacts: 0);
            await ShardCommands.PrintRun(context, parse.GetValue(format), json, result, structure).ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }

    private static int CheckPort(int port, string name)
        => port is >= 1 and <= 65_535 ? port : throw new UserInputException($"{name} must be a port in [1, 65535]; got {port}.");
}
