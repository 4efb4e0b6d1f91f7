using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;

namespace SanctionsSim.IO.Batches;

/// <summary>
/// A batch planned in shards, in a folder: <c>plan.json</c> (what runs: the command, the scenario and its hash, the
/// seed, each shard's range, the package version) and <c>shards/shard-NNNNN.bin</c>, each shard's summary written
/// atomically behind a header naming the plan and the range. Any shard runs anywhere (Slurm job arrays, Kubernetes
/// indexed jobs, HTCondor); the merge reads them one at a time into the total, which is the batch of one machine bit
/// for bit, because a shard is a pure function of (plan, range) and summaries merge exactly.
/// </summary>
internal sealed partial class ShardPlan
{
    /// <summary>The plan's file in its folder.</summary>
    public const string FileName = "plan.json";

    /// <summary>The plan's format name.</summary>
    public const string Format = "sanctionssim-plan";

    private const long ShardMagic = 0x32445241485353; // "SSHARD2": the header names the structure since 0.2.0 (#27 item 1)

    private ShardPlan(string folder, JsonObject json)
    {
        Folder = folder;
        Json = json;
        Hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json.ToJsonString())));
    }

    /// <summary>The plan's folder.</summary>
    public string Folder { get; }

    /// <summary>The plan as written in plan.json.</summary>
    public JsonObject Json { get; }

    /// <summary>The SHA-256 of the plan, written in each shard's header.</summary>
    public string Hash { get; }

    /// <summary>The planned command: run, compare, sweep, sensitivity or calibrate.</summary>
    public string? Command => Json["command"]?.GetValue<string>();

    /// <summary>The seed.</summary>
    public ulong Seed => Json["seed"]!.GetValue<ulong>();

    /// <summary>The confidence level of the intervals.</summary>
    public double Confidence => Json["confidence"]!.GetValue<double>();

    /// <summary>The number of shards.</summary>
    public int Shards => Json["shards"]!.AsArray().Count;

    /// <summary>The folder of the shards' files.</summary>
    public string ShardFolder => Path.Combine(Folder, "shards");

    /// <summary>The path of plan.json.</summary>
    public string PlanPath => Path.Combine(Folder, FileName);

    /// <summary>Writes a plan whose shards are ranges of <paramref name="count"/> items split into <paramref name="shards"/> equal parts.</summary>
    /// <param name="folder">The plan's folder (created; it must hold no plan yet).</param>
    /// <param name="command">The planned command.</param>
    /// <param name="scenario">The scenario (its JSON and hash are recorded).</param>
    /// <param name="seed">The seed.</param>
    /// <param name="fields">The command's own fields, in order after the seed.</param>
    /// <param name="rangeNames">The names of a shard's first item and count (firstReplication/replications, firstPoint/points, firstSlot/slots).</param>
    /// <param name="count">The items.</param>
    /// <param name="shards">The shards.</param>
    /// <param name="tail">Fields written after the scenario (a comparison's arms), or none.</param>
    /// <param name="withScenario">Whether the plan records the scenario (a calibration's plan holds its cases instead).</param>
    /// <param name="structure">The structure the shards run under (<see cref="StructureJson"/>), written after the seed; null for none (a calibration's plan).</param>
    /// <returns>The plan.</returns>
    /// <exception cref="FolderStateException">The folder already holds a plan.</exception>
    public static ShardPlan Create(string folder, string command, Scenario? scenario, ulong seed, IEnumerable<(string Name, JsonNode? Value)> fields, (string First, string Count) rangeNames, long count, int shards, IEnumerable<(string Name, JsonNode? Value)>? tail = null, bool withScenario = true, JsonObject? structure = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (File.Exists(Path.Combine(folder, FileName)))
        {
            throw new FolderStateException($"{folder} already holds a plan: run its shards and merge them, or choose another folder.");
        }

        var ranges = new JsonArray();
        foreach (var (i, (first, n)) in ShardRanges.Split(count, shards).Index())
        {
            ranges.Add(new JsonObject { ["index"] = i, [rangeNames.First] = first, [rangeNames.Count] = n });
        }

        var plan = new JsonObject
        {
            ["format"] = Format,
            ["formatVersion"] = 1,
            ["command"] = command,
            ["package"] = Internal.PackageVersion.Current,
        };
        if (withScenario)
        {
            ArgumentNullException.ThrowIfNull(scenario);
            plan["scenarioHash"] = ScenarioJson.Hash(scenario);
        }

        plan["seed"] = seed;
        if (structure is not null)
        {
            plan["structure"] = structure;
        }

        foreach (var (name, value) in fields)
        {
            plan[name] = value;
        }

        plan["shards"] = ranges;
        if (withScenario)
        {
            plan["scenario"] = JsonNode.Parse(ScenarioJson.Write(scenario!));
        }

        foreach (var (name, value) in tail ?? [])
        {
            plan[name] = value;
        }

        Directory.CreateDirectory(Path.Combine(folder, "shards"));
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), plan.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return new ShardPlan(folder, plan);
    }

    /// <summary>Reads and checks a folder's plan.json (its format and the package version that planned it).</summary>
    /// <param name="folder">The plan's folder.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="FolderStateException">No plan, not a plan, or a plan of another package version.</exception>
    public static ShardPlan Read(string folder)
    {
        string path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new FolderStateException($"{folder} holds no plan ({FileName}); write one with 'sanctionssim plan … --out {folder}'.");
        }

        JsonObject plan;
        try
        {
            plan = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new FolderStateException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new FolderStateException($"{path} is not valid JSON: {e.Message}", e);
        }

        if (plan["format"]?.GetValue<string>() != Format)
        {
            throw new FolderStateException($"{path} is not a SanctionsSim plan.");
        }

        string version = plan["package"]?.GetValue<string>() ?? "?";
        if (version != Internal.PackageVersion.Current)
        {
            throw new FolderStateException($"{path} was planned with SanctionsSim {version}; this is {Internal.PackageVersion.Current}: run every shard and the merge with the version that planned them.");
        }

        return new ShardPlan(folder, plan);
    }

    /// <summary>The scenario recorded in a node of the plan (the plan itself, or an arm), checked against its hash.</summary>
    /// <param name="node">The node holding <c>scenario</c> and <c>scenarioHash</c>.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="FolderStateException">The scenario does not match its hash: the plan was edited.</exception>
    public Scenario Scenario(JsonNode? node = null)
    {
        node ??= Json;
        Scenario scenario = ScenarioJson.Read(node["scenario"]!.ToJsonString());
        return ScenarioJson.Hash(scenario) == node["scenarioHash"]!.GetValue<string>()
            ? scenario
            : throw new FolderStateException($"{PlanPath}: the scenario does not match its hash; the plan was edited.");
    }

    /// <summary>A shard's first item and count: replications (run, compare), design points (sweep, sensitivity) or particle slots (calibrate).</summary>
    /// <param name="index">The shard.</param>
    /// <returns>The range.</returns>
    public (long First, long Count) Range(int index)
    {
        JsonNode shard = Json["shards"]!.AsArray()[index]!;
        return shard["firstPoint"] is JsonNode point ? (point.GetValue<long>(), shard["points"]!.GetValue<long>())
            : shard["firstSlot"] is JsonNode slot ? (slot.GetValue<long>(), shard["slots"]!.GetValue<long>())
            : (shard["firstReplication"]!.GetValue<long>(), shard["replications"]!.GetValue<long>());
    }

    /// <summary>The file of a shard's summary.</summary>
    /// <param name="index">The shard.</param>
    /// <returns>Its path.</returns>
    public string ShardPath(int index) => Path.Combine(ShardFolder, ShardName(index));

    /// <summary>The name of a shard's file: <c>shard-NNNNN.bin</c>.</summary>
    /// <param name="index">The shard.</param>
    /// <returns>The name.</returns>
    public static string ShardName(int index) => $"shard-{index:D5}.bin";

    /// <summary>Whether a file name is that of one of this plan's shards.</summary>
    /// <param name="name">The file name.</param>
    /// <returns>True for <c>shard-NNNNN.bin</c> with NNNNN below <see cref="Shards"/>.</returns>
    public bool IsShardName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.StartsWith("shard-", StringComparison.Ordinal) && name.EndsWith(".bin", StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(6, name.Length - 10), NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < Shards && name == ShardName(i);
    }

    /// <summary>Refuses files of a shard folder that are not shards of this plan.</summary>
    /// <param name="folder">The folder of shard files.</param>
    /// <exception cref="FolderStateException">The folder holds other files.</exception>
    public void CheckNoStrays(string folder)
    {
        var stray = Directory.EnumerateFiles(folder).Select(Path.GetFileName).Where(f => f is not null && !IsShardName(f)).ToArray();
        if (stray.Length > 0)
        {
            throw new FolderStateException($"{folder} holds files that are not shards of this plan: {string.Join(", ", stray)}.");
        }
    }

    /// <summary>Runs shard <paramref name="index"/> of <paramref name="batch"/> and writes its file atomically, unless a complete file of it is there already.</summary>
    /// <typeparam name="TSummary">The batch's summary.</typeparam>
    /// <param name="batch">The batch the plan describes.</param>
    /// <param name="index">The shard.</param>
    /// <param name="threads">Worker threads, or −1 for one per core.</param>
    /// <param name="cancellationToken">Stops the shard (nothing is written).</param>
    /// <returns>What happened.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a shard of the plan.</exception>
    public ShardOutcome RunShard<TSummary>(IShardedBatch<TSummary> batch, int index, int threads, CancellationToken cancellationToken)
        where TSummary : class, ICombinableSummary<TSummary>
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Shards);
        string path = ShardPath(index);
        AtomicFile.RemoveTemporaries(ShardFolder);
        if (File.Exists(path) && TryRead(batch, index, out _))
        {
            return ShardOutcome.AlreadyDone;
        }

        var (first, count) = Range(index);
        if (batch.Run(first, count, threads, cancellationToken) is not { } summary)
        {
            return ShardOutcome.Cancelled;
        }

        using var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(ShardMagic);
            w.Write(Hash);
            w.Write(index);
            w.Write(first);
            w.Write(count);
            w.Write(StructureKey);
        }

        batch.Write(summary, buffer);
        AtomicFile.WriteAllBytes(path, buffer.ToArray());
        return ShardOutcome.Written;
    }

    /// <summary>The shards not done yet, after checking that every file there is a shard of this plan.</summary>
    /// <returns>The indices of the missing shards, in order.</returns>
    /// <exception cref="FolderStateException">A file is not a shard of this plan (another plan, package version, or damaged), or the folder holds other files.</exception>
    public List<int> Missing()
    {
        AtomicFile.RemoveTemporaries(ShardFolder);
        var absent = new List<int>();
        for (int i = 0; i < Shards; i++)
        {
            string path = ShardPath(i);
            if (!File.Exists(path))
            {
                absent.Add(i);
            }
            else if (ShardStructure(path) is string other && other != StructureKey)
            {
                throw new FolderStateException($"{path} was run under the structure '{other}', this plan's is '{StructureKey}': shards of different structures do not merge; delete it and run the shard again.");
            }
            else if (!HeaderMatches(path, i))
            {
                throw new FolderStateException($"{path} is not a shard of this plan (another plan, package version or a damaged file); delete it and run the shard again.");
            }
        }

        CheckNoStrays(ShardFolder);
        return absent;
    }

    /// <summary>Combines every shard into one summary, one shard at a time (memory holds three summaries whatever the number of shards); the order cannot change a bit.</summary>
    /// <typeparam name="TSummary">The batch's summary.</typeparam>
    /// <param name="batch">The batch the plan describes.</param>
    /// <returns>The summary of the whole batch.</returns>
    /// <exception cref="FolderStateException">A shard is missing or damaged.</exception>
    public TSummary Merge<TSummary>(IShardedBatch<TSummary> batch)
        where TSummary : class, ICombinableSummary<TSummary>
    {
        ArgumentNullException.ThrowIfNull(batch);
        TSummary total = batch.CreateSummary();
        for (int i = 0; i < Shards; i++)
        {
            if (!TryRead(batch, i, out TSummary? shard))
            {
                throw new FolderStateException($"{ShardPath(i)} is damaged; delete it and run the shard again.");
            }

            total = total.Combine(shard!);
        }

        return total;
    }

    private bool HeaderMatches(string path, int index)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return HeaderMatches(stream, index);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            return false;
        }
    }

    private bool HeaderMatches(Stream stream, int index)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var (first, count) = Range(index);
        return r.ReadInt64() == ShardMagic && r.ReadString() == Hash && r.ReadInt32() == index
            && r.ReadInt64() == first && r.ReadInt64() == count && r.ReadString() == StructureKey;
    }

    /// <summary>The structure a shard file's header names, or null when it is not a readable shard header.</summary>
    private static string? ShardStructure(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (r.ReadInt64() != ShardMagic)
            {
                return null;
            }

            r.ReadString();
            r.ReadInt32();
            r.ReadInt64();
            r.ReadInt64();
            return r.ReadString();
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            return null;
        }
    }

    private bool TryRead<TSummary>(IShardedBatch<TSummary> batch, int index, out TSummary? summary)
        where TSummary : class, ICombinableSummary<TSummary>
    {
        summary = null;
        try
        {
            using var stream = File.OpenRead(ShardPath(index));
            if (!HeaderMatches(stream, index))
            {
                return false;
            }

            summary = batch.Read(stream);
            return summary.Replications == Range(index).Count;
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException)
        {
            return false;
        }
    }
}
