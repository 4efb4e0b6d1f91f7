using SanctionsSim.Analysis;
using SanctionsSim.Cli.Output;
using SanctionsSim.Experiments;
using SanctionsSim.IO;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;

namespace SanctionsSim.Cli.Commands;

/// <summary>What a plan's shards run and how they merge: one kind per command that can be planned.</summary>
internal abstract class ShardJob
{
    /// <summary>Runs a shard (replications, or design points for a sweep); returns how to write its result, or null when cancelled.</summary>
    public abstract Action<Stream>? Run(long first, long count, ulong seed, int threads, double confidence, CancellationToken token);

    /// <summary>Reads a shard's summary (after its header).</summary>
    public abstract object Read(Stream stream, out long replications);

    /// <summary>Starts an empty total.</summary>
    public abstract void StartMerge();

    /// <summary>Folds a shard's summary into the total (exact, so the order cannot change a bit).</summary>
    public abstract void Add(object shard);

    /// <summary>Writes the merged result as the single-machine command would: to the plan folder and the output.</summary>
    public abstract Task Finish(CliContext context, string folder, string? format, ulong seed, double confidence);
}

/// <summary>A batch of <c>run</c>.</summary>
internal sealed class RunJob(Scenario scenario) : ShardJob
{
    private readonly SanctionsModel _model = new(scenario);
    private SanctionsSummary? _total;

    public override Action<Stream>? Run(long first, long count, ulong seed, int threads, double confidence, CancellationToken token)
    {
        var options = Common.MonteCarlo(count, seed, threads, confidence);
        options.FirstReplication = first;
        var result = _model.Simulate(options, null, token);
        return result.IsPartial ? null : result.Summary.WriteTo;
    }

    public override object Read(Stream stream, out long replications)
    {
        SanctionsSummary s = _model.ReadSummary(stream);
        replications = s.Replications;
        return s;
    }

    public override void StartMerge() => _total = _model.CreateSummary();

    public override void Add(object shard) => _total!.MergeFrom((SanctionsSummary)shard);

    public override async Task Finish(CliContext context, string folder, string? format, ulong seed, double confidence)
    {
        SanctionsSummary total = _total!;
        var result = new MonteCarloResult<SanctionsSummary>(total, seed, 0, total.Replications, StopReason.Completed, confidence);
        var json = SummaryJson.Summary(total, scenario, result);
        json["structure"] = StructureChoice.Medians.Json(); // shards run at the medians (#27 item 1: not yet under the posterior)
        AtomicFile.WriteAllText(Path.Combine(folder, "summary.json"), SummaryJson.ToText(json));
        await Print(context, format, json, result).ConfigureAwait(false);
    }

    /// <summary>A merged or remote batch printed as <c>run</c> prints it: JSON, CSV, or the verdict in words.</summary>
    internal static async Task Print(CliContext context, string? format, System.Text.Json.Nodes.JsonObject json, MonteCarloResult<SanctionsSummary> result)
    {
        switch (format)
        {
            case "json":
                await context.Output.WriteAsync(SummaryJson.ToText(json)).ConfigureAwait(false);
                break;
            case "csv":
                await context.Output.WriteAsync(SummaryJson.SummaryCsv(json)).ConfigureAwait(false);
                break;
            default:
                await context.Output.WriteLineAsync(Readable.Verdict(result.Summary, result.Replications, result.Confidence)).ConfigureAwait(false);
                break;
        }
    }
}

/// <summary>A batch of <c>compare</c>: every arm on the same replications.</summary>
internal sealed class CompareJob(Scenario[] arms) : ShardJob
{
    private readonly PolicyComparison _comparison = new(arms);
    private ComparisonSummary? _total;

    public override Action<Stream>? Run(long first, long count, ulong seed, int threads, double confidence, CancellationToken token)
    {
        var options = Common.MonteCarlo(count, seed, threads, confidence);
        options.FirstReplication = first;
        var result = _comparison.Run(options, null, token);
        return result.IsPartial ? null : result.Summary.WriteTo;
    }

    public override object Read(Stream stream, out long replications)
    {
        ComparisonSummary s = _comparison.ReadSummary(stream);
        replications = s.Replications;
        return s;
    }

    public override void StartMerge() => _total = _comparison.CreateSummary();

    public override void Add(object shard) => ((IMergeableSummary<ComparisonSummary>)_total!).Merge((ComparisonSummary)shard);

    public override async Task Finish(CliContext context, string folder, string? format, ulong seed, double confidence)
    {
        ComparisonSummary total = _total!;
        var result = new MonteCarloResult<ComparisonSummary>(total, seed, 0, total.Replications, StopReason.Completed, confidence);
        var json = SummaryJson.Comparison(total, result);
        json["structure"] = StructureChoice.Medians.Json(); // shards run at the medians (#27 item 1: not yet under the posterior)
        AtomicFile.WriteAllText(Path.Combine(folder, "comparison.json"), SummaryJson.ToText(json));
        switch (format)
        {
            case "json":
                await context.Output.WriteAsync(SummaryJson.ToText(json)).ConfigureAwait(false);
                break;
            case "csv":
                await context.Output.WriteAsync(CompareCommand.Csv(total, confidence)).ConfigureAwait(false);
                break;
            default:
                CompareCommand.PrintTable(context, total, confidence, total.Replications, explain: false);
                await context.Output.WriteLineAsync(StructureChoice.Medians.Line()).ConfigureAwait(false);
                break;
        }
    }
}

/// <summary>A <c>sweep</c>: each shard runs a range of design points; the merge commits them in index order to a sweep folder.</summary>
internal class SweepJob(Func<int, Sweep> build, string name) : ShardJob
{
    private readonly List<SweepPoint> _points = [];

    public SweepJob(SweepDefinition definition)
        : this(definition.Build, definition.Scenario.Name)
    {
    }

    /// <summary>The merged points in index order.</summary>
    protected IEnumerable<SweepPoint> Points => _points.OrderBy(p => p.Index);

    public override Action<Stream>? Run(long first, long count, ulong seed, int threads, double confidence, CancellationToken token)
    {
        Sweep sweep = build(threads);
        var points = new List<SweepPoint>();
        for (long i = first; i < first + count; i++)
        {
            if (sweep.RunPoint(i, token) is not SweepPoint point)
            {
                return null;
            }

            points.Add(point);
        }

        byte[] bytes = SweepDefinition.WritePoints(points);
        return stream => stream.Write(bytes);
    }

    public override object Read(Stream stream, out long replications)
    {
        SweepPoint[] points = SweepDefinition.ReadPoints(stream);
        replications = points.Length;
        return points;
    }

    public override void StartMerge() => _points.Clear();

    public override void Add(object shard) => _points.AddRange((SweepPoint[])shard);

    public override async Task Finish(CliContext context, string folder, string? format, ulong seed, double confidence)
    {
        Sweep sweep = build(1);
        string output = Path.Combine(folder, "sweep");
        await WriteSweepFolder(sweep, output).ConfigureAwait(false);
        string line = $"merged {_points.Count:N0} points of {name} ({sweep.Design.Description}) into {output}: manifest.json, points.csv and parquet/, as 'sweep --out' writes them";
        await (format == "json" ? context.Output.WriteAsync(SummaryJson.ToText(new System.Text.Json.Nodes.JsonObject { ["points"] = _points.Count, ["out"] = output })) : context.Output.WriteLineAsync(line)).ConfigureAwait(false);
    }

    /// <summary>Commits the merged points, in index order, to a fresh sweep folder (a merge run again writes it afresh).</summary>
    protected async Task WriteSweepFolder(Sweep sweep, string output)
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        using var store = new SweepDirectory(output);
        store.Start(sweep);
        foreach (SweepPoint point in Points)
        {
            await store.CommitAsync(sweep, point, CancellationToken.None).ConfigureAwait(false);
        }
    }
}

/// <summary>A <c>sensitivity</c> analysis: its design points are sharded as a sweep's; the merge writes the sweep folder and computes the indices from it, as <c>sensitivity --out</c> does.</summary>
internal sealed class SensitivityJob(SensitivityDefinition definition) : SweepJob(threads => definition.Build(threads).Sweep, definition.Scenario.Name)
{
    public override async Task Finish(CliContext context, string folder, string? format, ulong seed, double confidence)
    {
        var analysis = definition.Build(1);
        string output = Path.Combine(folder, "sensitivity");
        Directory.CreateDirectory(output);
        await WriteSweepFolder(analysis.Sweep, Path.Combine(output, "sweep")).ConfigureAwait(false);
        using var store = new SweepDirectory(Path.Combine(output, "sweep"));
        var result = await analysis.RunAsync(store, resume: true).ConfigureAwait(false); // every point is read back: nothing runs
        await SensitivityCommand.Report(context, definition, result, format ?? "table", output).ConfigureAwait(false);
    }
}
