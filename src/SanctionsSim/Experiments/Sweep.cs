using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parquet;
using Parquet.Schema;
using SanctionsSim.Internal;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Simulation;

namespace SanctionsSim.Experiments;

/// <summary>Settings of a <see cref="Sweep"/>.</summary>
public sealed class SweepOptions
{
    /// <summary>Replications per design point, 1 to 10^7 (default 100).</summary>
    public int ReplicationsPerPoint { get; set; } = 100;

    /// <summary>The seed. Every point runs replications 0 … R − 1 on this seed: common random numbers across points.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>Threads per point (−1: all cores).</summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>Confidence level of the intervals written (default 0.95).</summary>
    public double Confidence { get; set; } = 0.95;

    /// <summary>Whether to keep each replication's collapse week (in <c>outcomes.csv</c> and <see cref="SweepPoint.CollapseWeeks"/>); tipping-point scans need it.</summary>
    public bool RecordOutcomes { get; set; }

    /// <summary>Points per Parquet file (<c>parquet/part-NNNNN.parquet</c>), 1 to 1,000,000 (default 256).</summary>
    public int PointsPerParquetFile { get; set; } = 256;

    /// <summary>A copy.</summary>
    /// <returns>The copy.</returns>
    public SweepOptions Clone() => (SweepOptions)MemberwiseClone();

    internal void Validate()
    {
        Guard.InRange(ReplicationsPerPoint, 1, 10_000_000);
        Guard.OpenUnit(Confidence);
        Guard.InRange(PointsPerParquetFile, 1, 1_000_000);
        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, $"MaxDegreeOfParallelism must be -1 (all cores) or positive; got {MaxDegreeOfParallelism}.");
        }
    }
}

/// <summary>
/// Runs the sanctions model at every point of an <see cref="ExperimentDesign"/>, the design's unit coordinates
/// mapped to lever values by the parameters' distributions and set in the scenario by path
/// (<see cref="ScenarioTemplate"/>). Points run in order, each with its replications in parallel on common
/// random numbers; results stream to an output folder as they finish, so memory stays flat however many points.
/// </summary>
/// <remarks>
/// <para>The output folder holds <c>manifest.json</c> (format, package version, scenario hash, parameters,
/// design, seed, replications, points done and the committed length of each file), <c>scenario.json</c>,
/// <c>points.csv</c> (one row per point, doubles in round-trip form), <c>parquet/part-NNNNN.parquet</c> (the
/// same rows in files of <see cref="SweepOptions.PointsPerParquetFile"/> points) and, when outcomes are
/// recorded, <c>outcomes.csv</c>.</para>
/// <para>After each point the rows are appended and flushed, then the manifest is replaced atomically, so the
/// manifest is the commit record. A sweep killed at any moment resumes from it: longer files are cut back to
/// the committed length, finished points are read back (never recomputed), and the sweep ends with exactly the
/// files of an uninterrupted sweep. A manifest that does not match the sweep (another scenario, design, seed,
/// package version …) is refused with the field that differs.</para>
/// </remarks>
public sealed class Sweep
{
    /// <summary>The manifest's format name.</summary>
    public const string ManifestFormat = "sanctionssim-sweep";

    private const int ManifestVersion = 1;
    private static readonly string[] MetricColumns =
    [
        "replications", "collapses", "collapseProbability", "collapseLower", "collapseUpper", "weeksSurvivedMean", "weeksSurvivedVariance",
        "collapseWeekMean", "finalShareMean", "finalShareVariance", "earlyGeneralsMean", "earlyGeneralsVariance", "humanitarianBurdenMean", "humanitarianBurdenVariance",
    ];

    private readonly ScenarioTemplate _template;
    private readonly ExperimentParameter[] _parameters;
    private readonly SweepOptions _options;

    /// <summary>Prepares a sweep.</summary>
    /// <param name="scenario">The base scenario.</param>
    /// <param name="parameters">The levers: each name a scenario path (see <see cref="ScenarioTemplate"/>), with its range and distribution.</param>
    /// <param name="design">The design; its dimensions must equal the number of parameters.</param>
    /// <param name="options">Replications, seed, threads; defaults when null.</param>
    /// <exception cref="ArgumentException">A parameter or path is invalid, the design does not fit, or a lever's range produces an invalid scenario at either end.</exception>
    public Sweep(Scenario scenario, IReadOnlyList<ExperimentParameter> parameters, ExperimentDesign design, SweepOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(design);
        ExperimentParameter.ValidateAll(parameters, nameof(parameters));
        if (design.Dimensions != parameters.Count)
        {
            throw new ArgumentException($"The design has {design.Dimensions} dimensions but there are {parameters.Count} parameters.", nameof(design));
        }

        _options = (options ?? new SweepOptions()).Clone();
        _options.Validate();
        _parameters = parameters.ToArray();
        _template = new ScenarioTemplate(scenario, _parameters.Select(p => p.Name).ToArray());
        Design = design;

        // both ends of every range must make a valid scenario (others at their base values' points) before any compute is spent
        var values = new double[_parameters.Length];
        for (int i = 0; i < _parameters.Length; i++)
        {
            for (int j = 0; j < values.Length; j++)
            {
                values[j] = _parameters[j].FromUnit(0.5);
            }

            foreach (double u in (ReadOnlySpan<double>)[0.0, 1.0])
            {
                values[i] = _parameters[i].FromUnit(u);
                _template.Apply(values);
            }
        }

        ScenarioHash = ScenarioJson.Hash(scenario);
    }

    /// <summary>The design.</summary>
    public ExperimentDesign Design { get; }

    /// <summary>The parameters.</summary>
    public IReadOnlyList<ExperimentParameter> Parameters => _parameters;

    /// <summary>The scenario template (levers resolved to JSON paths).</summary>
    public ScenarioTemplate Template => _template;

    /// <summary>The SHA-256 of the base scenario, recorded in the manifest.</summary>
    public string ScenarioHash { get; }

    /// <summary>The options (a copy).</summary>
    public SweepOptions Options => _options.Clone();

    /// <summary>The scenario of design point <paramref name="index"/>.</summary>
    /// <param name="index">The point's index.</param>
    /// <returns>The scenario, named after the base with the point's index.</returns>
    public Scenario ScenarioAt(long index) => _template.Apply(ValuesAt(index), $"{_template.Scenario.Name}#{index}");

    /// <summary>The lever values of design point <paramref name="index"/> (integer levers rounded).</summary>
    /// <param name="index">The point's index.</param>
    /// <returns>The values.</returns>
    public double[] ValuesAt(long index)
    {
        var unit = new double[_parameters.Length];
        Design.Point(index, unit);
        var values = new double[unit.Length];
        for (int j = 0; j < unit.Length; j++)
        {
            double v = _parameters[j].FromUnit(unit[j]);
            values[j] = _template.IsInteger[j] ? Math.Round(v, MidpointRounding.AwayFromZero) : v;
        }

        return values;
    }

    /// <summary>Runs one design point (no files).</summary>
    /// <param name="index">The point's index.</param>
    /// <param name="cancellationToken">Stops the point; the result is then null.</param>
    /// <returns>The point, or null when cancelled.</returns>
    public SweepPoint? RunPoint(long index, CancellationToken cancellationToken = default)
    {
        double[] values = ValuesAt(index);
        var model = new SanctionsModel(_template.Apply(values, $"{_template.Scenario.Name}#{index}"), recordRuns: _options.RecordOutcomes);
        var result = new MonteCarloRunner(new MonteCarloOptions
        {
            Replications = _options.ReplicationsPerPoint,
            Seed = _options.Seed,
            MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism,
            Confidence = _options.Confidence,
        }).Run(model, null, cancellationToken);
        if (result.IsPartial || result.Summary.Replications < _options.ReplicationsPerPoint)
        {
            return null;
        }

        SanctionsSummary s = result.Summary;
        int[]? weeks = null;
        if (_options.RecordOutcomes)
        {
            weeks = new int[s.Replications];
            foreach (RunRecord run in s.Runs)
            {
                weeks[run.Replication] = run.CollapseWeek ?? -1;
            }
        }

        return new SweepPoint
        {
            Index = index,
            Values = values,
            Replications = s.Replications,
            Collapses = s.Collapses,
            WeeksSurvivedMean = s.WeeksSurvived.Mean,
            WeeksSurvivedVariance = Var(s.WeeksSurvived),
            CollapseWeekMean = s.TimeToCollapse.Count == 0 ? double.NaN : s.TimeToCollapse.Mean,
            FinalDefectedShareMean = s.FinalDefectedShare.Mean,
            FinalDefectedShareVariance = Var(s.FinalDefectedShare),
            EarlyGeneralDefectionsMean = s.EarlyGeneralDefections.Mean,
            EarlyGeneralDefectionsVariance = Var(s.EarlyGeneralDefections),
            HumanitarianBurdenMean = s.HumanitarianBurden.Mean,
            HumanitarianBurdenVariance = Var(s.HumanitarianBurden),
            CollapseWeeks = weeks,
        };

        static double Var(RunningMoments m) => m.Count < 2 ? 0 : m.Variance;
    }

    /// <summary>Runs the sweep, streaming results to <paramref name="directory"/> when given.</summary>
    /// <param name="directory">The output folder (created if needed; must not hold another sweep unless resuming), or null to write nothing.</param>
    /// <param name="resume">Continue the sweep recorded in the folder's manifest.</param>
    /// <param name="onPoint">Called with every finished point in index order, including points read back on resume.</param>
    /// <param name="progress">Progress after each point.</param>
    /// <param name="cancellationToken">Stops after the point in progress is abandoned; finished points stay committed.</param>
    /// <returns>What was done.</returns>
    /// <exception cref="InvalidOperationException">The folder holds another sweep (or, when resuming, none, or one that differs: the message names the field).</exception>
    public async Task<SweepResult> RunAsync(string? directory = null, bool resume = false, Action<SweepPoint>? onPoint = null, IProgress<SweepProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (directory is null)
        {
            if (resume)
            {
                throw new ArgumentException("Resuming needs the output folder of the earlier run.", nameof(resume));
            }

            long done = 0;
            for (long i = 0; i < Design.Count; i++)
            {
                SweepPoint? point = RunPoint(i, cancellationToken);
                if (point is null)
                {
                    break;
                }

                onPoint?.Invoke(point);
                done++;
                progress?.Report(new SweepProgress(done, Design.Count));
            }

            return new SweepResult { Points = Design.Count, PointsDone = done, PointsResumed = 0 };
        }

        using var output = new Output(this, Path.GetFullPath(directory));
        long resumed = resume ? output.Resume(onPoint) : output.Start();
        progress?.Report(new SweepProgress(resumed, Design.Count));
        long next = resumed;
        while (next < Design.Count)
        {
            SweepPoint? point = RunPoint(next, cancellationToken);
            if (point is null)
            {
                break;
            }

            await output.CommitAsync(point, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            onPoint?.Invoke(point);
            next++;
            progress?.Report(new SweepProgress(next, Design.Count));
        }

        return new SweepResult { Points = Design.Count, PointsDone = next, PointsResumed = resumed, Directory = output.Directory };
    }

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

    private static IEnumerable<SweepPoint> ReadRows(string csv, string outcomes, int parameters, long count, bool withOutcomes)
    {
        using var reader = new StreamReader(csv, Encoding.UTF8);
        using StreamReader? outcomeReader = withOutcomes ? new StreamReader(outcomes, Encoding.UTF8) : null;
        reader.ReadLine();
        outcomeReader?.ReadLine();
        string? pendingOutcome = null;
        for (long i = 0; i < count; i++)
        {
            string line = reader.ReadLine() ?? throw new InvalidOperationException($"{csv} ends after {i} of the {count} committed points.");
            string[] cells = line.Split(',');
            if (cells.Length != 1 + parameters + MetricColumns.Length)
            {
                throw new InvalidOperationException($"{csv}: row {i + 1} has {cells.Length} cells; expected {1 + parameters + MetricColumns.Length}.");
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
                    string o = pendingOutcome ?? outcomeReader.ReadLine() ?? throw new InvalidOperationException($"{outcomes} ends early, at point {i}.");
                    pendingOutcome = null;
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

    private static string Version() => typeof(Sweep).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    private JsonObject Identity() => new()
    {
        ["format"] = ManifestFormat,
        ["formatVersion"] = ManifestVersion,
        ["package"] = "SanctionsSim " + Version(),
        ["scenarioName"] = _template.Scenario.Name,
        ["scenarioHash"] = ScenarioHash,
        ["parameters"] = new JsonArray(_parameters.Select(p => (JsonNode)p.ToString()).ToArray()),
        ["design"] = Design.Description,
        ["points"] = Design.Count,
        ["replicationsPerPoint"] = _options.ReplicationsPerPoint,
        ["seed"] = _options.Seed,
        ["confidence"] = _options.Confidence,
        ["recordOutcomes"] = _options.RecordOutcomes,
        ["pointsPerParquetFile"] = _options.PointsPerParquetFile,
    };

    private string Header() => "point," + string.Join(",", _parameters.Select(p => p.Name)) + "," + string.Join(",", MetricColumns);

    private string Row(SweepPoint p)
    {
        var text = new StringBuilder(256).Append(p.Index.ToString(CultureInfo.InvariantCulture));
        foreach (double v in p.Values)
        {
            text.Append(',').Append(Cell(v));
        }

        text.Append(',').Append(p.Replications.ToString(CultureInfo.InvariantCulture)).Append(',').Append(p.Collapses.ToString(CultureInfo.InvariantCulture));
        foreach (double v in Metrics(p))
        {
            text.Append(',').Append(Cell(v));
        }

        return text.Append('\n').ToString();
    }

    /// <summary>The point's values of the double columns of <see cref="MetricColumns"/> after replications and collapses, in order (CSV and Parquet alike).</summary>
    private double[] Metrics(SweepPoint p)
    {
        ConfidenceInterval ci = p.CollapseProbability.Wilson(_options.Confidence);
        return
        [
            p.CollapseProbability.Estimate, ci.Lower, ci.Upper, p.WeeksSurvivedMean, p.WeeksSurvivedVariance, p.CollapseWeekMean,
            p.FinalDefectedShareMean, p.FinalDefectedShareVariance, p.EarlyGeneralDefectionsMean, p.EarlyGeneralDefectionsVariance, p.HumanitarianBurdenMean, p.HumanitarianBurdenVariance,
        ];
    }

    /// <summary>The output folder of a running sweep: append-only CSV files, Parquet parts and the manifest that commits them.</summary>
    private sealed class Output : IDisposable
    {
        private readonly Sweep _sweep;
        private readonly List<SweepPoint> _block = [];
        private FileStream? _csv;
        private FileStream? _outcomes;
        private long _done;
        private int _parts;

        public Output(Sweep sweep, string directory)
        {
            _sweep = sweep;
            Directory = directory;
        }

        public string Directory { get; }

        private string ManifestPath => Path.Combine(Directory, "manifest.json");

        public long Start()
        {
            if (File.Exists(ManifestPath))
            {
                throw new InvalidOperationException($"{Directory} already holds a sweep; resume it, or choose another folder.");
            }

            // files without a manifest are a start that was killed before its first commit: nothing to keep
            RemoveTornTemporaries();

            System.IO.Directory.CreateDirectory(Path.Combine(Directory, "parquet"));
            ScenarioJson.WriteFile(Path.Combine(Directory, "scenario.json"), _sweep._template.Scenario);
            _csv = new FileStream(Path.Combine(Directory, "points.csv"), FileMode.Create, FileAccess.Write, FileShare.Read);
            Append(_csv, _sweep.Header() + "\n");
            if (_sweep._options.RecordOutcomes)
            {
                _outcomes = new FileStream(Path.Combine(Directory, "outcomes.csv"), FileMode.Create, FileAccess.Write, FileShare.Read);
                Append(_outcomes, "point,replication,collapseWeek\n");
            }

            WriteManifest();
            return 0;
        }

        public long Resume(Action<SweepPoint>? onPoint)
        {
            JsonObject manifest = ReadManifest(Directory);
            JsonObject expected = _sweep.Identity();
            foreach (var (key, value) in expected)
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
            long csvBytes = manifest["csvBytes"]!.GetValue<long>();
            long outcomeBytes = manifest["outcomesBytes"]!.GetValue<long>();
            _csv = OpenTruncated(Path.Combine(Directory, "points.csv"), csvBytes);
            if (_sweep._options.RecordOutcomes)
            {
                _outcomes = OpenTruncated(Path.Combine(Directory, "outcomes.csv"), outcomeBytes);
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

            int per = _sweep._options.PointsPerParquetFile;
            foreach (SweepPoint point in ReadRows(Path.Combine(Directory, "points.csv"), Path.Combine(Directory, "outcomes.csv"), _sweep._parameters.Length, _done, _sweep._options.RecordOutcomes))
            {
                if (point.Index >= (long)_parts * per)
                {
                    _block.Add(point);
                }

                onPoint?.Invoke(point);
            }

            return _done;
        }

        public async Task CommitAsync(SweepPoint point, CancellationToken cancellationToken)
        {
            Append(_csv!, _sweep.Row(point));
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
            if (_block.Count == _sweep._options.PointsPerParquetFile || _done == _sweep.Design.Count)
            {
                await WriteParquetAsync(cancellationToken).ConfigureAwait(false);
            }

            WriteManifest();
        }

        public void Dispose()
        {
            _csv?.Dispose();
            _outcomes?.Dispose();
        }

        /// <summary>Deletes the temporary files of atomic writes that a kill interrupted.</summary>
        private void RemoveTornTemporaries()
        {
            AtomicFile.RemoveTemporaries(Directory);
            AtomicFile.RemoveTemporaries(Path.Combine(Directory, "parquet"));
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

        private async Task WriteParquetAsync(CancellationToken cancellationToken)
        {
            Sweep s = _sweep;
            var fields = new List<DataField> { new DataField<long>("point") };
            fields.AddRange(s._parameters.Select(p => new DataField<double>(p.Name)));
            fields.Add(new DataField<long>("replications"));
            fields.Add(new DataField<long>("collapses"));
            fields.AddRange(MetricColumns.Skip(2).Select(c => new DataField<double>(c)));
            var schema = new ParquetSchema(fields);
            using var memory = new MemoryStream();
            await using (ParquetWriter writer = await ParquetWriter.CreateAsync(schema, memory, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                using ParquetRowGroupWriter group = writer.CreateRowGroup();
                int f = 0;
                await group.WriteAsync<long>(schema.DataFields[f++], _block.Select(p => p.Index).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                for (int j = 0; j < s._parameters.Length; j++)
                {
                    await group.WriteAsync<double>(schema.DataFields[f++], _block.Select(p => p.Values[j]).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                await group.WriteAsync<long>(schema.DataFields[f++], _block.Select(p => p.Replications).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                await group.WriteAsync<long>(schema.DataFields[f++], _block.Select(p => p.Collapses).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                double[][] metrics = _block.Select(s.Metrics).ToArray();
                for (int c = 0; c < MetricColumns.Length - 2; c++)
                {
                    await group.WriteAsync<double>(schema.DataFields[f++], metrics.Select(row => row[c]).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                }
            }

            AtomicFile.WriteAllBytes(Path.Combine(Directory, "parquet", $"part-{_parts:D5}.parquet"), memory.ToArray());
            _parts++;
            _block.Clear();
        }

        private void WriteManifest()
        {
            JsonObject manifest = _sweep.Identity();
            manifest["pointsDone"] = _done;
            manifest["completed"] = _done == _sweep.Design.Count;
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
}
