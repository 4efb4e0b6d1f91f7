using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parquet;
using Parquet.Schema;
using SanctionsSim.Experiments;

namespace SanctionsSim.IO;

/// <summary>
/// A sweep's output folder, resumable after a crash: <c>manifest.json</c> (the sweep's identity: format, package
/// version, scenario hash, levers, design, seed, replications; and what is committed: points done and each
/// file's committed length), <c>scenario.json</c>, <c>points.csv</c> (one row per point, doubles in round-trip
/// form), <c>parquet/part-NNNNN.parquet</c> (the same rows, <see cref="PointsPerParquetFile"/> points a file) and,
/// when outcomes are recorded, <c>outcomes.csv</c>.
/// </summary>
/// <remarks>
/// After each point the rows are appended and flushed, then the manifest is replaced atomically, so the manifest is
/// the commit record. A sweep killed at any moment resumes from it: longer files are cut back to the committed
/// length, uncommitted Parquet files and torn temporaries are removed, finished points are read back (never
/// recomputed), and the sweep ends with exactly the files of an uninterrupted sweep. A manifest that does not
/// match the sweep (another scenario, design, seed, package version …) is refused with the field that differs.
/// </remarks>
/// <example>
/// <code>
/// using var folder = new SweepDirectory("sweep1");
/// SweepResult done = await sweep.RunAsync(folder, resume: File.Exists("sweep1/manifest.json"));
/// </code>
/// </example>
/// <threadsafety>One sweep at a time; not for sharing between threads.</threadsafety>
public sealed class SweepDirectory : ISweepStore, IDisposable
{
    /// <summary>The manifest's format name.</summary>
    public const string ManifestFormat = "sanctionssim-sweep";

    private readonly List<SweepPoint> _block = [];
    private FileStream? _csv;
    private FileStream? _outcomes;
    private long _done;
    private int _parts;

    /// <summary>A sweep folder (created when the sweep starts).</summary>
    /// <param name="directory">The folder.</param>
    /// <param name="pointsPerParquetFile">Points per Parquet file, 1 to 1,000,000 (default 256).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pointsPerParquetFile"/> is out of range.</exception>
    public SweepDirectory(string directory, int pointsPerParquetFile = 256)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(pointsPerParquetFile, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pointsPerParquetFile, 1_000_000);
        Directory = Path.GetFullPath(directory);
        PointsPerParquetFile = pointsPerParquetFile;
    }

    /// <summary>The folder (full path).</summary>
    public string Directory { get; }

    /// <summary>Points per Parquet file.</summary>
    public int PointsPerParquetFile { get; }

    /// <inheritdoc />
    public string? Location => Directory;

    /// <summary>Whether the folder holds a sweep manifest (a sweep to resume).</summary>
    public bool HoldsSweep => File.Exists(ManifestPath);

    private string ManifestPath => Path.Combine(Directory, "manifest.json");

    /// <summary>Reads the finished points of a sweep folder (as committed in its manifest), streaming.</summary>
    /// <param name="directory">The folder.</param>
    /// <returns>The points in index order.</returns>
    /// <exception cref="InvalidOperationException">The folder holds no sweep manifest.</exception>
    public static IEnumerable<SweepPoint> ReadPoints(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        JsonObject manifest = ReadManifest(Path.GetFullPath(directory));
        long done = manifest["pointsDone"]!.GetValue<long>();
        int parameters = manifest["parameters"]!.AsArray().Count;
        return ReadRows(Path.Combine(directory, "points.csv"), Path.Combine(directory, "outcomes.csv"), parameters, done, manifest["recordOutcomes"]!.GetValue<bool>());
    }

    /// <inheritdoc />
    public long Start(Sweep sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        if (File.Exists(ManifestPath))
        {
            throw new InvalidOperationException($"{Directory} already holds a sweep; resume it, or choose another folder.");
        }

        // files without a manifest are a start that was killed before its first commit: nothing to keep
        RemoveTornTemporaries();
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "parquet"));
        ScenarioFile.Write(Path.Combine(Directory, "scenario.json"), sweep.Template.Scenario);
        _csv = new FileStream(Path.Combine(Directory, "points.csv"), FileMode.Create, FileAccess.Write, FileShare.Read);
        Append(_csv, Header(sweep) + "\n");
        if (sweep.Options.RecordOutcomes)
        {
            _outcomes = new FileStream(Path.Combine(Directory, "outcomes.csv"), FileMode.Create, FileAccess.Write, FileShare.Read);
            Append(_outcomes, "point,replication,collapseWeek\n");
        }

        WriteManifest(sweep);
        return 0;
    }

    /// <inheritdoc />
    public long Resume(Sweep sweep, Action<SweepPoint>? onPoint)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        JsonObject manifest = ReadManifest(Directory);
        foreach (var (key, value) in Identity(sweep))
        {
            JsonNode? found = manifest[key];
            if (!JsonNode.DeepEquals(found, value))
            {
                throw new InvalidOperationException($"Cannot resume {Directory}: its manifest records {key} = {found?.ToJsonString() ?? "nothing"}, this sweep has {value?.ToJsonString()}.");
            }
        }

        RemoveTornTemporaries();
        _done = manifest["pointsDone"]!.GetValue<long>();
        _parts = manifest["parquetFiles"]!.GetValue<int>();
        bool outcomes = sweep.Options.RecordOutcomes;
        _csv = OpenTruncated(Path.Combine(Directory, "points.csv"), manifest["csvBytes"]!.GetValue<long>());
        if (outcomes)
        {
            _outcomes = OpenTruncated(Path.Combine(Directory, "outcomes.csv"), manifest["outcomesBytes"]!.GetValue<long>());
        }

        // Parquet files past the committed count (a crash after writing one, before the manifest) are redone
        foreach (string file in System.IO.Directory.EnumerateFiles(Path.Combine(Directory, "parquet")))
        {
            string name = Path.GetFileName(file);
            bool committed = name.StartsWith("part-", StringComparison.Ordinal) && name.EndsWith(".parquet", StringComparison.Ordinal)
                && int.TryParse(name.AsSpan(5, name.Length - 13), NumberStyles.None, CultureInfo.InvariantCulture, out int part) && part < _parts;
            if (!committed)
            {
                File.Delete(file);
            }
        }

        foreach (SweepPoint point in ReadRows(Path.Combine(Directory, "points.csv"), Path.Combine(Directory, "outcomes.csv"), sweep.Parameters.Count, _done, outcomes))
        {
            if (point.Index >= (long)_parts * PointsPerParquetFile)
            {
                _block.Add(point);
            }

            onPoint?.Invoke(point);
        }

        return _done;
    }

    /// <inheritdoc />
    public async Task CommitAsync(Sweep sweep, SweepPoint point, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(point);
        if (_csv is null)
        {
            throw new InvalidOperationException("Start or resume the sweep before committing points.");
        }

        Append(_csv, Row(sweep, point));
        if (_outcomes is not null && point.CollapseWeeks is { } weeks)
        {
            var text = new StringBuilder();
            for (int r = 0; r < weeks.Count; r++)
            {
                text.Append(point.Index.ToString(CultureInfo.InvariantCulture)).Append(',').Append(r.ToString(CultureInfo.InvariantCulture)).Append(',')
                    .Append(weeks[r] < 0 ? string.Empty : weeks[r].ToString(CultureInfo.InvariantCulture)).Append('\n');
            }

            Append(_outcomes, text.ToString());
        }

        _done++;
        _block.Add(point);
        if (_block.Count == PointsPerParquetFile || _done == sweep.Design.Count)
        {
            await WriteParquetAsync(sweep, cancellationToken).ConfigureAwait(false);
        }

        WriteManifest(sweep);
    }

    /// <summary>Closes the folder's open files.</summary>
    public void Dispose()
    {
        _csv?.Dispose();
        _outcomes?.Dispose();
    }

    private static IEnumerable<SweepPoint> ReadRows(string csv, string outcomes, int parameters, long count, bool withOutcomes)
    {
        int columns = Sweep.MetricColumns.Count;
        using var reader = new StreamReader(csv, Encoding.UTF8);
        using StreamReader? outcomeReader = withOutcomes ? new StreamReader(outcomes, Encoding.UTF8) : null;
        reader.ReadLine();
        outcomeReader?.ReadLine();
        for (long i = 0; i < count; i++)
        {
            string line = reader.ReadLine() ?? throw new InvalidOperationException($"{csv} ends after {i} of the {count} committed points.");
            string[] cells = line.Split(',');
            if (cells.Length != 1 + parameters + columns)
            {
                throw new InvalidOperationException($"{csv}: row {i + 1} has {cells.Length} cells; expected {1 + parameters + columns}.");
            }

            double D(int c) => double.Parse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture);
            long L(int c) => long.Parse(cells[c], NumberStyles.Integer, CultureInfo.InvariantCulture);
            int m = 1 + parameters;
            int[]? weeks = null;
            if (outcomeReader is not null)
            {
                weeks = new int[L(m)];
                for (int r = 0; r < weeks.Length; r++)
                {
                    string o = outcomeReader.ReadLine() ?? throw new InvalidOperationException($"{outcomes} ends early, at point {i}.");
                    string[] parts = o.Split(',');
                    weeks[r] = parts[2].Length == 0 ? -1 : int.Parse(parts[2], CultureInfo.InvariantCulture);
                }
            }

            yield return new SweepPoint
            {
                Index = L(0),
                Values = Enumerable.Range(1, parameters).Select(D).ToArray(),
                Replications = L(m),
                Collapses = L(m + 1),
                WeeksSurvivedMean = D(m + 5),
                WeeksSurvivedVariance = D(m + 6),
                CollapseWeekMean = D(m + 7),
                FinalDefectedShareMean = D(m + 8),
                FinalDefectedShareVariance = D(m + 9),
                EarlyGeneralDefectionsMean = D(m + 10),
                EarlyGeneralDefectionsVariance = D(m + 11),
                HumanitarianBurdenMean = D(m + 12),
                HumanitarianBurdenVariance = D(m + 13),
                CollapseWeeks = weeks,
            };
        }
    }

    private static JsonObject ReadManifest(string directory)
    {
        string path = Path.Combine(directory, "manifest.json");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{directory} holds no sweep (no manifest.json).");
        }

        try
        {
            var node = JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new InvalidOperationException($"{path} is empty.");
            return node["format"]?.GetValue<string>() == ManifestFormat ? node : throw new InvalidOperationException($"{path} is not a SanctionsSim sweep manifest.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{path} is not valid JSON: {e.Message}", e);
        }
    }

    private static string Cell(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Header(Sweep sweep) => "point," + string.Join(",", sweep.Parameters.Select(p => p.Name)) + "," + string.Join(",", Sweep.MetricColumns);

    private static string Row(Sweep sweep, SweepPoint p)
    {
        var text = new StringBuilder(256).Append(p.Index.ToString(CultureInfo.InvariantCulture));
        foreach (double v in p.Values)
        {
            text.Append(',').Append(Cell(v));
        }

        text.Append(',').Append(p.Replications.ToString(CultureInfo.InvariantCulture)).Append(',').Append(p.Collapses.ToString(CultureInfo.InvariantCulture));
        foreach (double v in sweep.MetricValues(p))
        {
            text.Append(',').Append(Cell(v));
        }

        return text.Append('\n').ToString();
    }

    private static FileStream OpenTruncated(string path, long length)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
        if (stream.Length < length)
        {
            stream.Dispose();
            throw new InvalidOperationException($"Cannot resume: {path} holds {length - stream.Length} bytes fewer than its manifest committed.");
        }

        stream.SetLength(length);
        stream.Seek(0, SeekOrigin.End);
        return stream;
    }

    private static void Append(FileStream stream, string text)
    {
        stream.Write(Encoding.UTF8.GetBytes(text));
        stream.Flush(flushToDisk: true);
    }

    private JsonObject Identity(Sweep sweep)
    {
        JsonObject identity = sweep.Identity();
        identity["pointsPerParquetFile"] = PointsPerParquetFile;
        return identity;
    }

    /// <summary>Deletes the temporary files of atomic writes that a kill interrupted.</summary>
    private void RemoveTornTemporaries()
    {
        AtomicFile.RemoveTemporaries(Directory);
        AtomicFile.RemoveTemporaries(Path.Combine(Directory, "parquet"));
    }

    private async Task WriteParquetAsync(Sweep sweep, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> columns = Sweep.MetricColumns;
        var fields = new List<DataField> { new DataField<long>("point") };
        fields.AddRange(sweep.Parameters.Select(p => new DataField<double>(p.Name)));
        fields.Add(new DataField<long>("replications"));
        fields.Add(new DataField<long>("collapses"));
        fields.AddRange(columns.Skip(2).Select(c => new DataField<double>(c)));
        var schema = new ParquetSchema(fields);
        using var memory = new MemoryStream();
        await using (ParquetWriter writer = await ParquetWriter.CreateAsync(schema, memory, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            using ParquetRowGroupWriter group = writer.CreateRowGroup();
            int f = 0;
            await group.WriteAsync<long>(schema.DataFields[f++], _block.Select(p => p.Index).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            for (int j = 0; j < sweep.Parameters.Count; j++)
            {
                await group.WriteAsync<double>(schema.DataFields[f++], _block.Select(p => p.Values[j]).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            await group.WriteAsync<long>(schema.DataFields[f++], _block.Select(p => p.Replications).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<long>(schema.DataFields[f++], _block.Select(p => p.Collapses).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            double[][] metrics = _block.Select(sweep.MetricValues).ToArray();
            for (int c = 0; c < columns.Count - 2; c++)
            {
                await group.WriteAsync<double>(schema.DataFields[f++], metrics.Select(row => row[c]).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        AtomicFile.WriteAllBytes(Path.Combine(Directory, "parquet", $"part-{_parts:D5}.parquet"), memory.ToArray());
        _parts++;
        _block.Clear();
    }

    private void WriteManifest(Sweep sweep)
    {
        JsonObject manifest = Identity(sweep);
        manifest["pointsDone"] = _done;
        manifest["completed"] = _done == sweep.Design.Count;
        manifest["csvBytes"] = _csv!.Length;
        manifest["outcomesBytes"] = _outcomes?.Length ?? 0;
        manifest["parquetFiles"] = _parts;
        manifest["files"] = new JsonObject
        {
            ["points"] = "points.csv",
            ["parquet"] = "parquet/part-*.parquet",
            ["outcomes"] = _outcomes is null ? null : "outcomes.csv",
            ["scenario"] = "scenario.json",
        };
        AtomicFile.WriteAllText(ManifestPath, manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
