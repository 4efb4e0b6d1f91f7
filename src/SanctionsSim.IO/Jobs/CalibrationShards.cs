using System.Text;
using System.Text.Json;
using SanctionsSim.Calibration;
using SanctionsSim.IO.Batches;

namespace SanctionsSim.IO.Jobs;

/// <summary>
/// Sharded calibration (<c>plan calibrate</c>): each generation's particle slots are split into the plan's shards.
/// <c>run-shard</c> fills its slots of the next generation (shards/generation-NNN/shard-IIIII.bin); <c>merge</c>
/// weighs the generation once every shard is in (generations/generation-NNN.json, as <c>calibrate --out</c> writes
/// it) and, after the last generation, writes the outputs of <c>calibrate --out</c>, bit for bit. A generation is a
/// pure function of the previous one and the seed, so the loop "run the shards, merge" repeats until
/// calibration.json appears.
/// </summary>
internal static class CalibrationShards
{
    private const long ShardMagic = 0x31424143535353; // "SSSCAB1"

    /// <summary>Where a calibration stands: its definition, the last merged generation (null before the first), and whether it is finished (and why).</summary>
    public sealed record CalibrationState(CalibrationDefinition Definition, AbcPopulation? Last, AbcStopReason? Stop)
    {
        public int Next => Last is null ? 0 : Last.Generation + 1;
    }

    /// <summary>Reads a calibration plan's definition and its last merged generation; a plan or generation that does not fit is a user error.</summary>
    public static CalibrationState Read(ShardPlan plan)
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

    public static string ShardPath(string folder, int generation, int index) => Path.Combine(folder, "shards", $"generation-{generation:D3}", $"shard-{index:D5}.bin");

    private static (int First, int Count) Slots(ShardPlan plan, int index)
    {
        var (first, count) = plan.Range(index);
        return ((int)first, (int)count);
    }

    /// <summary>Runs shard <paramref name="index"/> of the next generation into its file; returns whether it is done (false: cancelled, nothing written) and the line to report.</summary>
    public static async Task<(bool Done, string Message)> RunShardAsync(ShardPlan plan, int index, int threads, CancellationToken token)
    {
        var state = Read(plan);
        string folder = plan.Folder;
        int count = plan.Shards;
        if (index < 0 || index >= count)
        {
            throw new UserInputException($"--index must be in [0, {count - 1}] for this plan; got {index}.");
        }

        if (state.Stop is AbcStopReason stop)
        {
            return (true, $"the calibration is finished (generation {state.Last!.Generation}, stopped: {stop}); nothing to run");
        }

        int g = state.Next;
        string path = ShardPath(folder, g, index);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        AtomicFile.RemoveTemporaries(Path.GetDirectoryName(path)!);
        if (File.Exists(path) && TryReadSlots(path, plan, g, index) is not null)
        {
            return (true, $"shard {index} of generation {g} is already done ({path}); nothing to run");
        }

        var options = state.Definition.Options.Clone();
        options.MaxDegreeOfParallelism = threads;
        CalibrationDefinition.Validate(options);
        var (first, slots) = Slots(plan, index);
        AbcSlots result;
        try
        {
            result = await Task.Run(() => AbcSmc.RunSlots(state.Definition.Calibration, options, state.Last, first, slots, null, token), CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return (false, $"shard {index} of generation {g} cancelled; nothing written");
        }

        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(ShardMagic);
            w.Write(plan.Hash);
            w.Write(g);
            w.Write(index);
            w.Write(first);
            w.Write(slots);
        }

        result.WriteTo(buffer);
        AtomicFile.WriteAllBytes(path, buffer.ToArray());
        return (true, $"shard {index} of generation {g}: particle slots {first} to {first + slots - 1} ({result.Simulations:N0} simulations) written to {path}");
    }

    /// <summary>A shard's slots if the file is a complete shard of this plan, generation and index; null otherwise.</summary>
    private static AbcSlots? TryReadSlots(string path, ShardPlan plan, int generation, int index)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            var (first, count) = Slots(plan, index);
            if (r.ReadInt64() != ShardMagic || r.ReadString() != plan.Hash || r.ReadInt32() != generation || r.ReadInt32() != index || r.ReadInt32() != first || r.ReadInt32() != count)
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

    /// <summary>
    /// Merges the next generation once all its shards are in: the plan's outcome is finished (write the outputs of
    /// <c>calibrate --out</c>), the shards still missing (only listed with <paramref name="missing"/>; otherwise an error), or a generation merged.
    /// </summary>
    public static CalibrationMerge Merge(ShardPlan plan, bool missing)
    {
        var state = Read(plan);
        string folder = plan.Folder;
        var definition = state.Definition;
        var options = definition.Options.Clone();
        if (state.Stop is AbcStopReason finished)
        {
            return missing ? new CalibrationMerge(definition, options, null, null, [], g: -1) : new CalibrationMerge(definition, options, state.Last!, finished, [], g: -1);
        }

        int g = state.Next, count = plan.Shards;
        string shardFolder = Path.Combine(folder, "shards", $"generation-{g:D3}");
        Directory.CreateDirectory(shardFolder);
        AtomicFile.RemoveTemporaries(shardFolder);
        var absent = new List<int>();
        var parts = new List<AbcSlots>();
        for (int i = 0; i < count; i++)
        {
            string path = ShardPath(folder, g, i);
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
            return new CalibrationMerge(definition, options, null, null, absent, g);
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

            return new CalibrationMerge(definition, options, state.Last, AbcStopReason.Exhausted, [], g);
        }

        using (var buffer = new MemoryStream())
        {
            population.WriteTo(buffer);
            Directory.CreateDirectory(Path.Combine(folder, "generations"));
            AtomicFile.WriteAllBytes(Path.Combine(folder, "generations", $"generation-{g:D3}.json"), buffer.ToArray());
        }

        if (Stop(options, population, folder) is AbcStopReason stop)
        {
            return new CalibrationMerge(definition, options, population, stop, [], g);
        }

        return new CalibrationMerge(definition, options, population, null, [], g);
    }
}

/// <summary>
/// What a calibration plan's <c>merge</c> came to: <see cref="Stop"/> set, the calibration is finished at <see cref="Population"/>;
/// no population, the shards of <see cref="Generation"/> still <see cref="Absent"/> (asked with --missing); otherwise generation <see cref="Generation"/> merged.
/// </summary>
internal sealed class CalibrationMerge(CalibrationDefinition definition, AbcOptions options, AbcPopulation? population, AbcStopReason? stop, IReadOnlyList<int> absent, int g)
{
    /// <summary>The plan's calibration.</summary>
    public CalibrationDefinition Definition { get; } = definition;

    /// <summary>Its options.</summary>
    public AbcOptions Options { get; } = options;

    /// <summary>The last generation (null: nothing merged, the shards are listed).</summary>
    public AbcPopulation? Population { get; } = population;

    /// <summary>Why the calibration is finished, or null while it goes on.</summary>
    public AbcStopReason? Stop { get; } = stop;

    /// <summary>The shards not yet done (with --missing).</summary>
    public IReadOnlyList<int> Absent { get; } = absent;

    /// <summary>The generation merged or waited for.</summary>
    public int Generation { get; } = g;
}
