using System.CommandLine;
using System.Text.Json.Nodes;
using SanctionsSim.IO.Batches;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;

namespace SanctionsSim.Cli.Commands;

/// <summary>The plans of <c>compare</c>, <c>sweep</c> and <c>sensitivity</c> (<c>plan compare|sweep|sensitivity</c>); <see cref="PlanJobs"/> writes them.</summary>
internal static partial class ShardCommands
{
    /// <summary><c>plan compare ARM ARM… --shards N --out DIR</c>: a comparison on common random numbers, split by replications.</summary>
    private static Command PlanCompare(CliContext context)
    {
        var arms = new Argument<string[]>("ARM") { Description = "Two or more presets or scenario files; the first is the reference.", Arity = new ArgumentArity(2, 100) };
        var runs = Common.Runs(1000);
        var seed = Common.Seed();
        var confidence = Common.Confidence();
        var shards = new Option<int>("--shards") { Description = "How many shards to split the paired replications into (1 to 100,000).", DefaultValueFactory = _ => 10 };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The plan folder.", Required = true };
        var structure = Common.Structure();
        var posterior = Common.Posterior();
        var command = new Command("compare", "Split a batch of 'compare' into shards: each shard runs every arm on the same replications; 'merge' gives the comparison of one machine, bit for bit.")
        {
            arms, runs, seed, confidence, shards, output, structure, posterior,
        };
        command.SetAction(async (parse, token) =>
        {
            Scenario[] scenarios = parse.GetValue(arms)!.Select(InputFiles.LoadScenario).ToArray();
            CompareCommand.CheckDistinctNames(scenarios);

            var options = Common.MonteCarlo(parse.GetValue(runs), parse.GetValue(seed), 1, parse.GetValue(confidence));
            var choice = Common.Structure(parse, structure, posterior);
            await context.Output.WriteLineAsync(PlanJobs.PlanReplications("compare", scenarios, options, parse.GetValue(shards), parse.GetValue(output)!.FullName, choice)).ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }

    /// <summary><c>plan sweep … --shards N --out DIR</c>: a sweep's design points split into ranges.</summary>
    private static Command PlanSweep(CliContext context)
    {
        var spec = new SweepSpec();
        var shards = new Option<int>("--shards") { Description = "How many shards to split the design points into (1 to 100,000).", DefaultValueFactory = _ => 10 };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The plan folder.", Required = true };
        var command = new Command("sweep", "Split a 'sweep' into shards of design points; 'merge' writes the sweep folder (manifest.json, points.csv, parquet/) as 'sweep --out' does on one machine.");
        spec.AddTo(command);
        command.Options.Add(shards);
        command.Options.Add(output);
        command.SetAction(async (parse, token) =>
        {
            SweepDefinition definition = spec.Resolve(parse);
            ExperimentOptions.CheckCommon(definition.Runs, 1, definition.Confidence);
            await context.Output.WriteLineAsync(PlanJobs.PlanPoints("sweep", definition.ToJson(), definition.Scenario, definition.Seed, definition.Confidence, definition.Design().Count, parse.GetValue(shards), parse.GetValue(output)!.FullName,
                $"design points of {definition.Scenario.Name} ({definition.Runs} replications each)")).ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }

    /// <summary><c>plan sensitivity … --shards N --out DIR</c>: a sensitivity analysis's design points split into ranges.</summary>
    private static Command PlanSensitivity(CliContext context)
    {
        var file = ExperimentOptions.ScenarioFile();
        var preset = ExperimentOptions.Preset();
        var param = ExperimentOptions.Param();
        var experiment = ExperimentOptions.ExperimentFileOption();
        var (method, samples, metric, runs, levels, bootstrap) = SensitivityCommand.AnalysisOptions();
        var seed = Common.Seed();
        var confidence = Common.Confidence();
        var shards = new Option<int>("--shards") { Description = "How many shards to split the design points into (1 to 100,000).", DefaultValueFactory = _ => 10 };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The plan folder.", Required = true };
        var command = new Command("sensitivity", "Split a scenario's 'sensitivity' analysis into shards of design points; 'merge' computes the indices and writes sensitivity.json, the tornado chart and the sweep as 'sensitivity --out' does.")
        {
            file, preset, param, experiment, method, samples, metric, runs, levels, bootstrap, seed, confidence, shards, output,
        };
        command.SetAction(async (parse, token) =>
        {
            double c = parse.GetValue(confidence);
            int b = parse.GetValue(bootstrap);
            SensitivityDefinition definition = SensitivityCommand.Resolve(parse, (file, preset, param, experiment), parse.GetValue(method)!, b, c, samples, metric, runs, levels, seed);
            ExperimentOptions.CheckCommon(definition.Runs, 1, c);
            await context.Output.WriteLineAsync(PlanJobs.PlanPoints("sensitivity", definition.ToJson(), definition.Scenario, definition.Seed, c, definition.Build(1).Points, parse.GetValue(shards), parse.GetValue(output)!.FullName,
                $"design points of a {definition.Method} analysis of {definition.Scenario.Name} ({definition.Runs} replications each)")).ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }
}
