using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Calibration;
using SanctionsSim.Cli.Output;
using SanctionsSim.IO;
using SanctionsSim.IO.Batches;

namespace SanctionsSim.Cli.Commands;

/// <summary>
/// Sharded calibration (<c>plan calibrate</c>): each generation's particle slots are split into the plan's shards.
/// <c>run-shard</c> fills its slots of the next generation (shards/generation-NNN/shard-IIIII.bin); <c>merge</c>
/// weighs the generation once every shard is in (generations/generation-NNN.json, as <c>calibrate --out</c> writes
/// it) and, after the last generation, writes the outputs of <c>calibrate --out</c>, bit for bit. A generation is a
/// pure function of the previous one and the seed, so the loop "run the shards, merge" repeats until
/// calibration.json appears.
/// </summary>
internal static partial class ShardCommands
{
    private const long CalibrationShardMagic = 0x31424143535353; // "SSSCAB1"

    /// <summary><c>plan calibrate … --shards N --out DIR</c>.</summary>
    private static Command PlanCalibrate(CliContext context)
    {
        var spec = new CalibrationSpec();
        var shards = new Option<int>("--shards") { Description = "How many shards to split each generation's particles into (1 to the number of particles).", DefaultValueFactory = _ => 10 };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The plan folder: plan.json now, then generations/, and the outputs of 'calibrate --out' after the last merge.", Required = true };
        var command = new Command("calibrate", "Split a calibration's generations into shards of particle slots: run every shard, merge, and repeat until the folder holds calibration.json; the result is that of 'calibrate --out', bit for bit.");
        spec.AddTo(command);
        command.Options.Add(shards);
        command.Options.Add(output);
        command.SetAction(async (parse, token) =>
        {
            var definition = spec.Resolve(parse);
            int k = parse.GetValue(shards);
            int n = definition.Options.Particles;
            if (k < 1 || k > n)
            {
                throw new UserInputException($"--shards must be in [1, --particles]; got {k} for {n} particles.");
            }

            string folder = parse.GetValue(output)!.FullName;
            if (File.Exists(Path.Combine(folder, ShardPlan.FileName)) || Directory.Exists(Path.Combine(folder, "generations")))
            {
                throw new UserInputException($"{folder} already holds a plan or a calibration: choose another folder.");
            }

            ShardPlan.Create(folder, "calibrate", null, definition.Options.Seed, [("calibrate", definition.ToJson())], ("firstSlot", "slots"), n, k, withScenario: false);
            await context.Output.WriteLineAsync(
                $"planned a calibration on {string.Join(", ", definition.Cases.Select(c => c.Name))} ({n:N0} particles, at most {definition.Options.Generations} generations) in {k} shards in {folder}: "
                + $"for each generation, run 'sanctionssim run-shard --plan {folder} --index I' for I = 0 … {k - 1}, then 'sanctionssim merge {folder}'; repeat until {Path.Combine(folder, "calibration.json")} exists.").ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }

    /// <summary>Where a calibration stands: its definition, the last merged generation (null before the first), and whether it is finished (and why).</summary>
    private sealed record CalibrationState(CalibrationDefinition Definition, AbcPopulation? Last, AbcStopReason? Stop)
    {
        public int Next => Last is null ? 0 : Last.Generation + 1;
    }

    private static CalibrationState ReadCalibration(ShardPlan plan)
    {
        string folder = plan.Folder, path = plan.PlanPath;
        var definition = CalibrationDefinition.FromJson(plan.Json["calibrate"] ?? throw new UserInputException($"{path}: no 'calibrate' section; the plan was edited."), plan.Seed, path);
        string generations = Path.Combine(folder, "generations");
        var saved = Directory.Exists(generations) ? Directory.GetFiles(generations, "generation-*.json").Order(StringComparer.Ordinal).ToArray() : [];
        AbcPopulation? last = null;
        for (int g = 0; g < saved.Length; g++)
        {
            if (Path.GetFileName(saved[g]) != $"generation-{g:D3}.json")
            {
                throw new UserInputException($"{generations} should hold generation-000.json … generation-{saved.Length - 1:D3}.json; found {Path.GetFileName(saved[g])} in place of generation {g}.");
            }
        }

        if (saved.Length > 0)
        {
            try
            {
                using var stream = File.OpenRead(saved[^1]);
                last = AbcPopulation.ReadFrom(stream);
            }
            catch (InvalidDataException e)
            {
                throw new UserInputException($"{saved[^1]}: {e.Message}");
            }

            if (last.Seed != definition.Options.Seed || last.Count != definition.Options.Particles || !last.ParameterNames.SequenceEqual(definition.Calibration.Parameters.Select(p => p.Name)))
            {
                throw new UserInputException($"{saved[^1]} is not a generation of this plan's calibration (its seed, particles or parameters differ).");
            }
        }

        return new CalibrationState(definition, last, Stop(definition.Options, last, folder));
    }

    /// <summary>Why a calibration whose last merged generation is <paramref name="last"/> is finished, or null while it goes on (the rules of <see cref="AbcSmc.Run(Calibration.CaseCalibration, AbcOptions?, AbcPopulation?, Action{AbcPopulation}?, IProgress{AbcProgress}?, CancellationToken)"/>; an exhausted one has written calibration.json).</summary>
    private static AbcStopReason? Stop(AbcOptions options, AbcPopulation? last, string folder)
        => last is null ? null
            : last.Generation + 1 >= options.Generations ? AbcStopReason.Generations
            : last.Generation > 0 && last.AcceptanceRate < options.MinAcceptanceRate ? AbcStopReason.AcceptanceRate
            : File.Exists(Path.Combine(folder, "calibration.json")) ? AbcStopReason.Exhausted
            : null;

    private static string CalibrationShardPath(string folder, int generation, int index) => Path.Combine(folder, "shards", $"generation-{generation:D3}", $"shard-{index:D5}.bin");

    private static (int First, int Count) Slots(ShardPlan plan, int index)
    {
        var (first, count) = plan.Range(index);
        return ((int)first, (int)count);
    }

    private static async Task<int> RunCalibrationShard(CliContext context, ShardPlan plan, int index, int threads, CancellationToken token)
    {
        var state = ReadCalibration(plan);
        string folder = plan.Folder;
        int count = plan.Shards;
        if (index < 0 || index >= count)
        {
            throw new UserInputException($"--index must be in [0, {count - 1}] for this plan; got {index}.");
        }

        if (state.Stop is AbcStopReason stop)
        {
            await context.Error.WriteLineAsync($"the calibration is finished (generation {state.Last!.Generation}, stopped: {stop}); nothing to run").ConfigureAwait(false);
            return CliApp.Success;
        }

        int g = state.Next;
        string path = CalibrationShardPath(folder, g, index);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.RemoveTemporaries(Path.GetDirectoryName(path)!);
        if (File.Exists(path) && TryReadSlots(path, plan, g, index) is not null)
        {
            await context.Error.WriteLineAsync($"shard {index} of generation {g} is already done ({path}); nothing to run").ConfigureAwait(false);
            return CliApp.Success;
        }

        CalibrateCommand.CheckThreads(threads);
        var options = state.Definition.Options.Clone();
        options.MaxDegreeOfParallelism = threads;
        var (first, slots) = Slots(plan, index);
        AbcSlots result;
        try
        {
            result = await Task.Run(() => AbcSmc.RunSlots(state.Definition.Calibration, options, state.Last, first, slots, null, token), CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync($"shard {index} of generation {g} cancelled; nothing written").ConfigureAwait(false);
            return CliApp.Failure;
        }

        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(CalibrationShardMagic);
            w.Write(plan.Hash);
            w.Write(g);
            w.Write(index);
            w.Write(first);
            w.Write(slots);
        }

        result.WriteTo(buffer);
        AtomicFile.WriteAllBytes(path, buffer.ToArray());
        await context.Error.WriteLineAsync($"shard {index} of generation {g}: particle slots {first} to {first + slots - 1} ({result.Simulations:N0} simulations) written to {path}").ConfigureAwait(false);
        return CliApp.Success;
    }

    /// <summary>A shard's slots if the file is a complete shard of this plan, generation and index; null otherwise.</summary>
    private static AbcSlots? TryReadSlots(string path, ShardPlan plan, int generation, int index)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            var (first, count) = Slots(plan, index);
            if (r.ReadInt64() != CalibrationShardMagic || r.ReadString() != plan.Hash || r.ReadInt32() != generation || r.ReadInt32() != index || r.ReadInt32() != first || r.ReadInt32() != count)
            {
                return null;
            }

            var slots = AbcSlots.ReadFrom(stream);
            return slots.Generation == generation && slots.First == first && slots.Count == count ? slots : null;
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException or JsonException)
        {
            return null;
        }
    }

    private static async Task<int> MergeCalibration(CliContext context, ShardPlan plan, bool missing, string? format)
    {
        var state = ReadCalibration(plan);
        string folder = plan.Folder;
        var definition = state.Definition;
        var options = definition.Options.Clone();
        if (state.Stop is AbcStopReason finished)
        {
            if (missing)
            {
                return CliApp.Success;
            }

            await CalibrateCommand.Finish(context, definition, options, folder, state.Last!, finished, format).ConfigureAwait(false);
            return CliApp.Success;
        }

        int g = state.Next, count = plan.Shards;
        string shardFolder = Path.Combine(folder, "shards", $"generation-{g:D3}");
        Directory.CreateDirectory(shardFolder);
        AtomicFile.RemoveTemporaries(shardFolder);
        var absent = new List<int>();
        var parts = new List<AbcSlots>();
        for (int i = 0; i < count; i++)
        {
            string path = CalibrationShardPath(folder, g, i);
            if (!File.Exists(path))
            {
                absent.Add(i);
            }
            else if (TryReadSlots(path, plan, g, i) is { } slots)
            {
                parts.Add(slots);
            }
            else
            {
                throw new UserInputException($"{path} is not a shard of this plan's generation {g} (another plan, package version or a damaged file); delete it and run the shard again.");
            }
        }

        plan.CheckNoStrays(shardFolder);

        if (missing)
        {
            foreach (int i in absent)
            {
                await context.Output.WriteLineAsync(i.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            }

            return CliApp.Success;
        }

        if (absent.Count > 0)
        {
            throw new UserInputException($"{absent.Count} of {count} shards of generation {g} are not done: {string.Join(", ", absent.Take(20))}{(absent.Count > 20 ? ", …" : "")}; run them ('sanctionssim merge {folder} --missing' lists them all).");
        }

        AbcPopulation? population = AbcSmc.Assemble(definition.Calibration, options, state.Last, parts);
        if (population is null)
        {
            if (state.Last is null)
            {
                throw new UserInputException("The prior generation could not be filled: a simulator returned no acceptable proposal.");
            }

            await CalibrateCommand.Finish(context, definition, options, folder, state.Last, AbcStopReason.Exhausted, format).ConfigureAwait(false);
            return CliApp.Success;
        }

        using (var buffer = new MemoryStream())
        {
            population.WriteTo(buffer);
            Directory.CreateDirectory(Path.Combine(folder, "generations"));
            AtomicFile.WriteAllBytes(Path.Combine(folder, "generations", $"generation-{g:D3}.json"), buffer.ToArray());
        }

        if (Stop(options, population, folder) is AbcStopReason stop)
        {
            await CalibrateCommand.Finish(context, definition, options, folder, population, stop, format).ConfigureAwait(false);
            return CliApp.Success;
        }

        string tolerance = double.IsFinite(population.Tolerance) ? Rounding.Significant(population.Tolerance, 4) : "∞";
        if (format == "json")
        {
            await context.Output.WriteAsync(SummaryJson.ToText(new JsonObject
            {
                ["generation"] = g,
                ["done"] = false,
                ["tolerance"] = double.IsFinite(population.Tolerance) ? population.Tolerance : null,
                ["acceptanceRate"] = population.AcceptanceRate,
                ["effectiveSampleSize"] = population.EffectiveSampleSize,
                ["simulations"] = population.Simulations,
                ["nextGeneration"] = g + 1,
            })).ConfigureAwait(false);
        }
        else
        {
            await context.Output.WriteLineAsync(
                $"generation {g} merged (ε {tolerance}, acceptance {population.AcceptanceRate.ToString("P1", CultureInfo.InvariantCulture)}, ESS {population.EffectiveSampleSize.ToString("F0", CultureInfo.InvariantCulture)}): "
                + $"now run the {count} shards of generation {g + 1}, then merge again").ConfigureAwait(false);
        }

        return CliApp.Success;
    }
}
