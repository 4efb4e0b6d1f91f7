using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SanctionsSim.Design;
using SanctionsSim.Experiments;
using SanctionsSim.IO;
using SanctionsSim.IO.Results;
using SanctionsSim.Scenarios;

namespace SanctionsSim.IO.Jobs;

/// <summary>
/// Makes <c>optimize</c> resumable: every evaluation of a package (a pure function of the problem, the package, the
/// seed and the replication range) is saved atomically as it finishes in <c>DIR/evaluations/</c>; a resumed search
/// replays the same deterministic steps and reads back each evaluation already done instead of simulating it, so it
/// ends with the result an uninterrupted search gives, bit for bit.
/// </summary>
internal sealed class CachedPackageProblem(IPackageProblem inner, string folder, string identity) : IPackageProblem
{
    private int _read;

    /// <summary>The folder's evaluation cache, checked against the search it belongs to (scenario, levers, costs, mode, package version).</summary>
    /// <param name="problem">The search's problem.</param>
    /// <param name="dir">The output folder (the evaluations go to its evaluations/, the search's identity to search.json).</param>
    /// <param name="mode">"optimize" or "pareto".</param>
    /// <param name="resume">Continue the search saved in the folder (otherwise a folder holding evaluations is refused).</param>
    /// <returns>The problem, its evaluations cached in the folder.</returns>
    public static CachedPackageProblem Open(ScenarioPackageProblem problem, string dir, string mode, bool resume)
    {
        var identity = new JsonObject
        {
            ["mode"] = mode,
            ["scenarioHash"] = ScenarioJson.Hash(problem.Scenario),
            ["levers"] = new JsonArray([.. problem.Levers.Select(l => (JsonNode)JsonValue.Create($"{l.Name}={l}"))]),
            ["costs"] = new JsonArray([.. problem.Outputs.Select(c => (JsonNode)JsonValue.Create(c))]),
            ["package"] = SummaryJson.PackageVersion,
        };
        if (problem.Posterior is { } drawn)
        {
            identity["posterior"] = drawn.Hash; // absent at the medians: folders of searches before #27 item 1 still resume
        }

        string text = identity.ToJsonString();
        string evaluations = Path.Combine(dir, "evaluations");
        string searchFile = Path.Combine(dir, "search.json");
        if (Directory.Exists(evaluations) && Directory.EnumerateFiles(evaluations, "*.json").Any())
        {
            if (!resume)
            {
                throw new UserInputException($"{dir} already holds a search's evaluations; pass --resume to continue it or choose another --out.");
            }

            if (!File.Exists(searchFile) || File.ReadAllText(searchFile) != text)
            {
                throw new UserInputException($"{dir} holds the evaluations of another search (other scenario, levers, costs, mode or package version): --resume continues only the same search.");
            }
        }

        Directory.CreateDirectory(evaluations);
        AtomicFile.WriteAllText(searchFile, text);
        return new CachedPackageProblem(problem, evaluations, text);
    }

    public IReadOnlyList<ExperimentParameter> Levers => inner.Levers;

    public IReadOnlyList<string> Outputs => inner.Outputs;

    /// <summary>Evaluations read back from the folder instead of simulated.</summary>
    public int Read => Volatile.Read(ref _read);

    public PackageSample Evaluate(ReadOnlySpan<double> levers, ulong seed, long first, int count)
    {
        var key = new StringBuilder(identity).Append('|').Append(seed).Append('|').Append(first).Append('|').Append(count);
        foreach (double v in levers)
        {
            key.Append('|').Append(BitConverter.DoubleToInt64Bits(v).ToString(CultureInfo.InvariantCulture));
        }

        string path = Path.Combine(folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())))[..32] + ".json");
        if (File.Exists(path) && TryRead(path) is JsonObject saved && (string?)saved["key"] == key.ToString())
        {
            Interlocked.Increment(ref _read);
            return new PackageSample(
                (long)saved["replications"]!,
                (long)saved["successes"]!,
                [.. saved["sums"]!.AsArray().Select(x => BitConverter.Int64BitsToDouble((long)x!))],
                [.. saved["squares"]!.AsArray().Select(x => BitConverter.Int64BitsToDouble((long)x!))]);
        }

        var sample = inner.Evaluate(levers, seed, first, count);
        var node = new JsonObject
        {
            ["key"] = key.ToString(),
            ["replications"] = sample.Replications,
            ["successes"] = sample.Successes,
            ["sums"] = new JsonArray([.. Enumerable.Range(0, sample.OutputCount).Select(k => (JsonNode)BitConverter.DoubleToInt64Bits(sample.Sum(k)))]),
            ["squares"] = new JsonArray([.. Enumerable.Range(0, sample.OutputCount).Select(k => (JsonNode)BitConverter.DoubleToInt64Bits(sample.SumOfSquares(k)))]),
        };
        AtomicFile.WriteAllText(path, node.ToJsonString());
        return sample;
    }

    /// <summary>A saved evaluation, or null when the file is damaged (it is then computed again and replaced).</summary>
    private static JsonObject? TryRead(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject is { } o && o["sums"] is JsonArray && o["squares"] is JsonArray && o["replications"] is not null && o["successes"] is not null ? o : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
