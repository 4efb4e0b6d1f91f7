using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Cli.Output;
using SanctionsSim.IO;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

namespace SanctionsSim.Cli.Commands;

/// <summary>
/// <c>plan</c>, <c>run-shard</c> and <c>merge</c>: a batch of <c>run</c> split into shards that run anywhere (Slurm job
/// arrays, Kubernetes indexed jobs, HTCondor), each writing its summary atomically, merged into the single-machine
/// result bit for bit. A shard is a pure function of (scenario, seed, replication range), and summaries merge exactly.
/// </summary>
internal static partial class ShardCommands
{
    public const string PlanFile = "plan.json";
    public const string Format = "sanctionssim-plan";
    private const long ShardMagic = 0x31445241485353; // "SSHARD1"

    public static Command Plan(CliContext context)
    {
        var file = new Argument<FileInfo?>("FILE") { Description = "A scenario file (JSON); omit to plan a preset.", Arity = ArgumentArity.ZeroOrOne };
        var preset = new Option<string?>("--preset", "-p") { Description = $"A built-in scenario (default {Presets.Default})." };
        var runs = Common.Runs(1000);
        var seed = Common.Seed();
        var confidence = Common.Confidence();
        var shards = new Option<int>("--shards") { Description = "How many shards to split the replications into (1 to 100,000).", DefaultValueFactory = _ => 10 };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The plan folder: plan.json now, shards/ as they finish, the merged result at the end.", Required = true };
        var command = new Command("plan", "Split a batch of 'run' into shards for a cluster: writes the plan (scenario, its hash, seed, each shard's replications, package version). Then 'run-shard' each index, and 'merge'.")
        {
            file, preset, runs, seed, confidence, shards, output,
        };
        command.SetAction(async (parse, token) =>
        {
            Scenario scenario = Common.FileOrPreset(parse.GetValue(file), parse.GetValue(preset));
            await WritePlan(context, "run", [scenario], parse.GetValue(runs), parse.GetValue(seed), parse.GetValue(confidence), parse.GetValue(shards), parse.GetValue(output)!.FullName).ConfigureAwait(false);
            return CliApp.Success;
        });
        command.Subcommands.Add(PlanCompare(context));
        command.Subcommands.Add(PlanSweep(context));
        command.Subcommands.Add(PlanSensitivity(context));
        command.Subcommands.Add(PlanCalibrate(context));
        return command;
    }

    public static Command RunShard(CliContext context)
    {
        var planFolder = new Option<DirectoryInfo>("--plan") { Description = "The plan folder written by 'sanctionssim plan'.", Required = true };
        var index = new Option<int?>("--index", "-i") { Description = "The shard to run; when omitted, from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX (Kubernetes indexed jobs)." };
        var threads = Common.Threads();
        var command = new Command("run-shard", "Run one shard of a plan and write its summary atomically (shards/shard-NNNNN.bin); a shard already written is not run again.")
        {
            planFolder, index, threads,
        };
        command.SetAction(async (parse, token) =>
        {
            string folder = parse.GetValue(planFolder)!.FullName;
            int i = parse.GetValue(index) ?? IndexFromEnvironment();
            if (ReadPlanJson(folder) is { } p && IsCalibration(p))
            {
                return await RunCalibrationShard(context, folder, p, i, parse.GetValue(threads), token).ConfigureAwait(false);
            }

            var (plan, job) = ReadPlan(folder);
            var shards = plan["shards"]!.AsArray();
            if (i < 0 || i >= shards.Count)
            {
                throw new UserInputException($"--index must be in [0, {shards.Count - 1}] for this plan; got {i}.");
            }

            string path = ShardPath(folder, i);
            AtomicFile.RemoveTemporaries(Path.Combine(folder, "shards"));
            if (File.Exists(path) && TryReadShard(path, job, plan, i, out _))
            {
                await context.Error.WriteLineAsync($"shard {i} is already done ({path}); nothing to run").ConfigureAwait(false);
                return CliApp.Success;
            }

            var (first, count) = Range(shards[i]!);
            Action<Stream>? write = job.Run(first, count, plan["seed"]!.GetValue<ulong>(), parse.GetValue(threads), plan["confidence"]!.GetValue<double>(), token);
            if (write is null)
            {
                await context.Error.WriteLineAsync($"shard {i} cancelled; nothing written").ConfigureAwait(false);
                return CliApp.Failure;
            }

            using var buffer = new MemoryStream();
            using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            {
                w.Write(ShardMagic);
                w.Write(PlanHash(plan));
                w.Write(i);
                w.Write(first);
                w.Write(count);
            }

            write(buffer);
            AtomicFile.WriteAllBytes(path, buffer.ToArray());
            await context.Error.WriteLineAsync($"shard {i}: {(job is SweepJob ? "points" : "replications")} {first} to {first + count - 1} written to {path}").ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }

    public static Command Merge(CliContext context)
    {
        var planFolder = new Argument<DirectoryInfo>("PLAN") { Description = "The plan folder." };
        var missing = new Option<bool>("--missing") { Description = "Only list the shards not yet done (one index a line, for resubmitting them)." };
        var format = Common.Format();
        var command = new Command("merge", "Check that every shard of a plan is done and merge them: the same output as 'run' on one machine, bit for bit (also written to the plan folder as summary.json).")
        {
            planFolder, missing, format,
        };
        command.SetAction(async (parse, token) =>
        {
            string folder = parse.GetValue(planFolder)!.FullName;
            if (ReadPlanJson(folder) is { } p && IsCalibration(p))
            {
                return await MergeCalibration(context, folder, p, parse.GetValue(missing), parse.GetValue(format)).ConfigureAwait(false);
            }

            var (plan, job) = ReadPlan(folder);
            var shards = plan["shards"]!.AsArray();
            AtomicFile.RemoveTemporaries(Path.Combine(folder, "shards"));
            var absent = new List<int>();
            for (int i = 0; i < shards.Count; i++)
            {
                string path = ShardPath(folder, i);
                if (!File.Exists(path))
                {
                    absent.Add(i);
                }
                else if (!HeaderMatches(path, plan, i))
                {
                    throw new UserInputException($"{path} is not a shard of this plan (another plan, package version or a damaged file); delete it and run the shard again.");
                }
            }

            var stray = Directory.EnumerateFiles(Path.Combine(folder, "shards")).Select(Path.GetFileName).Where(f => f is not null && !IsShardName(f, shards.Count)).ToArray();
            if (stray.Length > 0)
            {
                throw new UserInputException($"{Path.Combine(folder, "shards")} holds files that are not shards of this plan: {string.Join(", ", stray)}.");
            }

            if (parse.GetValue(missing))
            {
                foreach (int i in absent)
                {
                    await context.Output.WriteLineAsync(i.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
                }

                return CliApp.Success;
            }

            if (absent.Count > 0)
            {
                throw new UserInputException($"{absent.Count} of {shards.Count} shards are not done: {string.Join(", ", absent.Take(20))}{(absent.Count > 20 ? ", …" : "")}; run them ('sanctionssim merge {folder} --missing' lists them all).");
            }

            // one shard at a time into the total: memory holds two summaries whatever the number of shards
            // (merging is exact, so the order of the shards cannot change a bit)
            job.StartMerge();
            for (int i = 0; i < shards.Count; i++)
            {
                if (!TryReadShard(ShardPath(folder, i), job, plan, i, out object? s))
                {
                    throw new UserInputException($"{ShardPath(folder, i)} is damaged; delete it and run the shard again.");
                }

                job.Add(s!);
            }

            await job.Finish(context, folder, parse.GetValue(format), plan["seed"]!.GetValue<ulong>(), plan["confidence"]!.GetValue<double>()).ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }

    private static (JsonObject Plan, ShardJob Job) ReadPlan(string folder)
    {
        var plan = ReadPlanJson(folder);
        return (plan, Job(plan, Path.Combine(folder, PlanFile)));
    }

    /// <summary>Reads and checks plan.json (its format and the package version that planned it).</summary>
    private static JsonObject ReadPlanJson(string folder)
    {
        string path = Path.Combine(folder, PlanFile);
        if (!File.Exists(path))
        {
            throw new UserInputException($"{folder} holds no plan ({PlanFile}); write one with 'sanctionssim plan … --out {folder}'.");
        }

        JsonObject plan;
        try
        {
            plan = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new UserInputException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new UserInputException($"{path} is not valid JSON: {e.Message}", e);
        }

        if (plan["format"]?.GetValue<string>() != Format)
        {
            throw new UserInputException($"{path} is not a SanctionsSim plan.");
        }

        string version = plan["package"]?.GetValue<string>() ?? "?";
        if (version != SummaryJson.PackageVersion)
        {
            throw new UserInputException($"{path} was planned with SanctionsSim {version}; this is {SummaryJson.PackageVersion}: run every shard and the merge with the version that planned them.");
        }

        return plan;
    }

    private static ShardJob Job(JsonObject plan, string path)
    {
        Scenario Scenario(JsonNode node)
        {
            Scenario scenario = ScenarioJson.Read(node["scenario"]!.ToJsonString());
            return ScenarioJson.Hash(scenario) == node["scenarioHash"]!.GetValue<string>()
                ? scenario
                : throw new UserInputException($"{path}: the scenario does not match its hash; the plan was edited.");
        }

        return plan["command"]?.GetValue<string>() switch
        {
            "run" => new RunJob(Scenario(plan)),
            "compare" => new CompareJob(plan["arms"]!.AsArray().Select(a => Scenario(a!)).ToArray()),
            "sensitivity" => new SensitivityJob(SensitivityDefinition.FromJson(plan["sensitivity"]!, Scenario(plan), plan["seed"]!.GetValue<ulong>(), plan["confidence"]!.GetValue<double>())),
            "sweep" => new SweepJob(SweepDefinition.FromJson(plan["sweep"]!, Scenario(plan), plan["seed"]!.GetValue<ulong>(), plan["confidence"]!.GetValue<double>())),
            string other => throw new UserInputException($"{path} plans '{other}', which this version cannot run."),
            null => throw new UserInputException($"{path} names no command."),
        };
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonObject, string> PlanHashes = [];

    private static string PlanHash(JsonObject plan) => PlanHashes.GetValue(plan, p => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(p.ToJsonString()))));

    /// <summary>A shard's first item and count: replications (run, compare) or design points (sweep).</summary>
    private static (long First, long Count) Range(JsonNode shard)
        => shard["firstPoint"] is JsonNode point
            ? (point.GetValue<long>(), shard["points"]!.GetValue<long>())
            : (shard["firstReplication"]!.GetValue<long>(), shard["replications"]!.GetValue<long>());

    private static string ShardPath(string folder, int index) => Path.Combine(folder, "shards", $"shard-{index:D5}.bin");

    private static bool IsShardName(string name, int count)
        => name.StartsWith("shard-", StringComparison.Ordinal) && name.EndsWith(".bin", StringComparison.Ordinal)
           && int.TryParse(name.AsSpan(6, name.Length - 10), NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < count && name == $"shard-{i:D5}.bin";

    private static bool HeaderMatches(string path, JsonObject plan, int index)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return HeaderMatches(stream, plan, index);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            return false;
        }
    }

    private static bool HeaderMatches(Stream stream, JsonObject plan, int index)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var (first, count) = Range(plan["shards"]!.AsArray()[index]!);
        return r.ReadInt64() == ShardMagic && r.ReadString() == PlanHash(plan) && r.ReadInt32() == index
            && r.ReadInt64() == first && r.ReadInt64() == count;
    }

    private static bool TryReadShard(string path, ShardJob job, JsonObject plan, int index, out object? summary)
    {
        summary = null;
        try
        {
            using var stream = File.OpenRead(path);
            if (!HeaderMatches(stream, plan, index))
            {
                return false;
            }

            summary = job.Read(stream, out long items);
            return items == Range(plan["shards"]!.AsArray()[index]!).Count;
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException)
        {
            return false;
        }
    }

    private static int IndexFromEnvironment()
    {
        foreach (string name in (ReadOnlySpan<string>)["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"])
        {
            if (Environment.GetEnvironmentVariable(name) is string value)
            {
                return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i)
                    ? i
                    : throw new UserInputException($"{name}='{value}' is not a shard index.");
            }
        }

        throw new UserInputException("--index is required outside a Slurm job array (SLURM_ARRAY_TASK_ID) or a Kubernetes indexed job (JOB_COMPLETION_INDEX).");
    }
}
