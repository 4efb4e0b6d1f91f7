using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using SanctionsSim.Design;
using SanctionsSim.IO;
using SanctionsSim.Plotting;
using Spectre.Console;

namespace SanctionsSim.Cli.Commands;

/// <summary>
/// <c>sanctionssim optimize … --param … (--target P | --budget B | --pareto)</c>: the cheapest package reaching a
/// collapse probability, the most effective within a budget, or the Pareto front of probability against costs.
/// </summary>
internal static class OptimizeCommand
{
    public static Command Create(CliContext context)
    {
        var file = ExperimentOptions.ScenarioFile();
        var preset = ExperimentOptions.Preset();
        var param = ExperimentOptions.Param();
        var experiment = ExperimentOptions.ExperimentFileOption();
        var costs = new Option<string[]>("--cost") { Description = $"A cost to minimise: a linear expression of a run's outputs ({string.Join(", ", CostExpression.Names)}, senderCost.NAME) and of the levers' values (their paths, as prices), e.g. 'senderCost + 0.001*coalition.us.contactCampaign.reachPerWeek' (repeatable: the first is the cost of --target and --budget; with --pareto each is an objective; default senderCost)." };
        var target = new Option<double?>("--target") { Description = "Find the cheapest package whose P(collapse within the horizon) is at least this (0 < P < 1)." };
        var budget = new Option<double?>("--budget") { Description = "Find the package with the highest P(collapse) whose cost is at most this." };
        var pareto = new Option<bool>("--pareto") { Description = "Find the trade-off between P(collapse) and every --cost (NSGA-II), with its chart." };
        var runs = new Option<int>("--runs", "-n") { Description = "Replications per package: in the first round (doubling each round) or, with --pareto, for every package.", DefaultValueFactory = _ => 40 };
        var candidates = new Option<int>("--candidates") { Description = "Packages of the first round (4 to 4,096); with --pareto, the population (even).", DefaultValueFactory = _ => 32 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds of successive halving (1 to 20); with --pareto, generations (0 to 200).", DefaultValueFactory = _ => 5 };
        var confirm = new Option<int>("--confirm") { Description = "Replications of the confirmation on fresh random numbers (per package with --pareto).", DefaultValueFactory = _ => 2000 };
        var seed = Common.Seed();
        var threads = Common.Threads();
        var confidence = Common.Confidence();
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Write optimize.json (or pareto.json, pareto.csv and pareto.png) here, and every evaluation as it finishes (evaluations/), so that --resume can continue an interrupted search." };
        var resume = new Option<bool>("--resume") { Description = "With --out: continue an interrupted search; evaluations already saved are read back, and the result is that of an uninterrupted search." };
        var format = Common.Format();
        var structureOption = Common.Structure();
        var posterior = Common.Posterior();
        var command = new Command("optimize", "Design a policy package on common random numbers: the cheapest reaching a target P(collapse), the most effective within a budget, or the Pareto front of P(collapse) against costs; every result confirmed on fresh random numbers with intervals.")
        {
            file, preset, param, experiment, costs, target, budget, pareto, runs, candidates, rounds, confirm, seed, threads, confidence, output, resume, format, structureOption, posterior,
        };
        command.SetAction(async (parse, token) =>
        {
            var (scenario, levers, _) = ExperimentOptions.Load(parse, file, preset, param, experiment);
            var structure = Common.Structure(parse, structureOption, posterior);
            int modes = (parse.GetValue(target) is null ? 0 : 1) + (parse.GetValue(budget) is null ? 0 : 1) + (parse.GetValue(pareto) ? 1 : 0);
            if (modes != 1)
            {
                throw new UserInputException("Give exactly one of --target P (the cheapest package reaching P), --budget B (the most effective within B) or --pareto (the trade-off).");
            }

            string[] costTexts = parse.GetValue(costs) is { Length: > 0 } c ? c : ["senderCost"];
            ScenarioPackageProblem problem;
            try
            {
                problem = new ScenarioPackageProblem(scenario, levers, costTexts) { Posterior = structure.Posterior };
            }
            catch (ArgumentException e)
            {
                throw new UserInputException((e.Message.StartsWith("Cost expression", StringComparison.Ordinal) ? "--cost: " : "--param: ") + e.Message.Split(" (Parameter")[0]);
            }

            string? dir = parse.GetValue(output)?.FullName;
            IPackageProblem searched = problem;
            CachedPackageProblem? cache = null;
            if (dir is not null)
            {
                cache = CachedPackageProblem.Open(problem, dir, parse.GetValue(pareto) ? "pareto" : "optimize", parse.GetValue(resume));
                searched = cache;
            }
            else if (parse.GetValue(resume))
            {
                throw new UserInputException("--resume needs --out DIR: the saved evaluations live in that folder.");
            }

            if (parse.GetValue(pareto))
            {
                var options = new ParetoOptions
                {
                    Population = parse.GetValue(candidates), Generations = parse.GetValue(rounds), Replications = parse.GetValue(runs),
                    ConfirmationReplications = parse.GetValue(confirm), Seed = parse.GetValue(seed), Confidence = parse.GetValue(confidence), MaxDegreeOfParallelism = parse.GetValue(threads),
                };
                Common.Validate(options.Validate, ("Population must", "--candidates must"), ("Generations must", "--rounds must"), ("ConfirmationReplications must", "--confirm must"), ("Replications must", "--runs must"));
                var result = await Task.Run(() => ParetoSearch.Run(searched, options, token), CancellationToken.None).ConfigureAwait(false);
                await Resumed(context, cache, parse.GetValue(resume)).ConfigureAwait(false);
                await ReportPareto(context, scenario.Name, result, dir, parse.GetValue(format), structure).ConfigureAwait(false);
                return CliApp.Success;
            }

            var o = new OptimizerOptions
            {
                Goal = parse.GetValue(target) is null ? PackageGoal.MostEffectiveWithinBudget : PackageGoal.CheapestReachingTarget,
                Target = parse.GetValue(target) ?? 0.5, Budget = parse.GetValue(budget) ?? double.NaN,
                Candidates = parse.GetValue(candidates), InitialReplications = parse.GetValue(runs), Rounds = parse.GetValue(rounds),
                ConfirmationReplications = parse.GetValue(confirm), Seed = parse.GetValue(seed), Confidence = parse.GetValue(confidence), MaxDegreeOfParallelism = parse.GetValue(threads),
            };
            Common.Validate(o.Validate, ("Target must", "--target must"), ("Budget must", "--budget must"), ("Candidates must", "--candidates must"), ("InitialReplications", "--runs"), ("Rounds must", "--rounds must"), ("ConfirmationReplications must", "--confirm must"));
            OptimizationResult found;
            try
            {
                found = await Task.Run(() => PackageOptimizer.Optimize(searched, o, null, token), CancellationToken.None).ConfigureAwait(false);
            }
            catch (PackageInfeasibleException e)
            {
                throw new UserInputException("infeasible: " + e.Message);
            }

            await Resumed(context, cache, parse.GetValue(resume)).ConfigureAwait(false);
            await ReportOptimum(context, scenario.Name, found, dir, parse.GetValue(format), structure).ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }

    private static async Task Resumed(CliContext context, CachedPackageProblem? cache, bool resume)
    {
        // (a search may also meet a package it evaluated before, NSGA-II's copies for instance: read back too)
        if (resume && cache is { Read: > 0 })
        {
            await context.Error.WriteLineAsync($"resumed: {cache.Read} evaluations read back from the folder, not simulated again").ConfigureAwait(false);
        }
    }

    private static async Task ReportOptimum(CliContext context, string scenario, OptimizationResult r, string? dir, string? format, StructureChoice structure)
    {
        var json = OptimizeText.Optimum(scenario, r, structure.Json());
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
            AtomicFile.WriteAllText(Path.Combine(dir, "optimize.json"), SummaryJson.ToText(json));
        }

        await Emit.Result(context, OutputFormats.Parse(format), () => json, null, () =>
        {
            var (verdict, table) = OptimizeText.OptimumView(scenario, r);
            context.Output.WriteLine(verdict);
            var console = Common.Console(context.Output, context.Interactive);
            console.WriteLine();
            console.Write(Common.Draw(table));
            context.Output.WriteLine(structure.Line());
        }).ConfigureAwait(false);
    }

    private static async Task ReportPareto(CliContext context, string scenario, ParetoResult r, string? dir, string? format, StructureChoice structure)
    {
        var json = OptimizeText.Pareto(scenario, r, structure.Json());
        string csv = OptimizeText.ParetoCsv(r);
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
            AtomicFile.WriteAllText(Path.Combine(dir, "pareto.json"), SummaryJson.ToText(json));
            AtomicFile.WriteAllText(Path.Combine(dir, "pareto.csv"), csv);
            for (int k = 0; k < r.OutputNames.Count; k++)
            {
                Charts.Save(Charts.ParetoFront(r, k), Path.Combine(dir, k == 0 ? "pareto" : $"pareto-{k}"), ChartFormat.Png);
            }

            await context.Error.WriteLineAsync($"wrote pareto.json, pareto.csv and the chart(s) to {dir}").ConfigureAwait(false);
        }

        await Emit.Result(context, OutputFormats.Parse(format), () => json, () => csv, () =>
        {
            var console = Common.Console(context.Output, context.Interactive);
            context.Output.WriteLine(OptimizeText.ParetoVerdict(r));
            console.WriteLine();
            console.Write(Common.Draw(OptimizeText.ParetoTable(scenario, r)));
            context.Output.WriteLine(structure.Line());
        }).ConfigureAwait(false);
    }
}
