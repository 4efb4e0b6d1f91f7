using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Experiments;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;

namespace SanctionsSim.Cli.Commands;

/// <summary>The options that define a sweep (scenario, levers, design, replications, seed, confidence), shared by <c>sweep</c> and <c>plan sweep</c>.</summary>
internal sealed class SweepSpec
{
    private readonly Argument<FileInfo?> _file = ExperimentOptions.ScenarioFile();
    private readonly Option<string?> _preset = ExperimentOptions.Preset();
    private readonly Option<string[]> _param = ExperimentOptions.Param();
    private readonly Option<FileInfo?> _experiment = ExperimentOptions.ExperimentFileOption();
    private readonly Option<string> _design = new Option<string>("--design", "-d") { Description = "The design: factorial (grid), lhs (Latin hypercube) or sobol (low-discrepancy sequence); default lhs.", DefaultValueFactory = _ => "lhs" }
        .AcceptOnlyFromAmong("factorial", "lhs", "sobol");

    private readonly Option<int> _points = new("--points") { Description = "Points of an lhs or sobol design.", DefaultValueFactory = _ => 64 };
    private readonly Option<int> _levels = new("--levels") { Description = "Levels per lever of a factorial design.", DefaultValueFactory = _ => 5 };
    private readonly Option<int> _runs = ExperimentOptions.RunsPerPoint(100);
    private readonly Option<ulong> _seed = Common.Seed();
    private readonly Option<double> _confidence = Common.Confidence();

    public void AddTo(Command command)
    {
        command.Arguments.Add(_file);
        foreach (Option option in new Option[] { _preset, _param, _experiment, _design, _points, _levels, _runs, _seed, _confidence })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The sweep the options define: an experiment file's design, replications and seed apply unless given on the command line.</summary>
    public SweepDefinition Resolve(ParseResult parse)
    {
        var (scenario, levers, ef) = ExperimentOptions.Load(parse, _file, _preset, _param, _experiment);
        string kind = parse.GetResult(_design) is not { Implicit: false } && ef?.DesignKind is string k ? (k == "latinHypercube" ? "lhs" : k) : parse.GetValue(_design)!;
        int n = parse.GetResult(_points) is not { Implicit: false } && ef?.DesignPoints is int p ? p : parse.GetValue(_points);
        int l = parse.GetResult(_levels) is not { Implicit: false } && ef?.DesignLevels is int lv ? lv : parse.GetValue(_levels);
        int r = parse.GetResult(_runs) is not { Implicit: false } && ef?.ReplicationsPerPoint is int rr ? rr : parse.GetValue(_runs);
        ulong s = parse.GetResult(_seed) is not { Implicit: false } && ef?.Seed is ulong es ? es : parse.GetValue(_seed);
        if (n is < 1 or > 10_000_000)
        {
            throw new UserInputException($"--points must be in [1, 10000000]; got {n}.");
        }

        return new SweepDefinition(scenario, levers, kind, n, l, r, s, parse.GetValue(_confidence));
    }
}

/// <summary>A resolved sweep: enough to build it again anywhere (a plan stores it as JSON).</summary>
internal sealed record SweepDefinition(Scenario Scenario, IReadOnlyList<ExperimentParameter> Levers, string Kind, int Points, int Levels, int Runs, ulong Seed, double Confidence, Calibration.Posterior? Posterior = null)
{
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public ExperimentDesign Design() => Kind switch
    {
        "factorial" => new FullFactorialDesign(Enumerable.Repeat(Levels, Levers.Count).ToArray()),
        "sobol" => new SobolSequenceDesign(Points, Levers.Count, Seed),
        _ => new LatinHypercubeDesign(Points, Levers.Count, Seed),
    };

    public Sweep Build(int threads) => new(Scenario, Levers, Design(), new SweepOptions
    {
        MonteCarlo = new MonteCarloOptions { Replications = Runs, Seed = Seed, MaxDegreeOfParallelism = threads, Confidence = Confidence },
        Posterior = Posterior,
    });

    public JsonObject ToJson() => new()
    {
        ["levers"] = JsonSerializer.SerializeToNode(Levers.ToArray(), Exact),
        ["design"] = Kind,
        ["points"] = Points,
        ["levels"] = Levels,
        ["runsPerPoint"] = Runs,
    };

    public static SweepDefinition FromJson(JsonNode sweep, Scenario scenario, ulong seed, double confidence)
        => new(scenario, sweep["levers"].Deserialize<ExperimentParameter[]>(Exact)!, sweep["design"]!.GetValue<string>(), sweep["points"]!.GetValue<int>(),
               sweep["levels"]!.GetValue<int>(), sweep["runsPerPoint"]!.GetValue<int>(), seed, confidence);

    /// <summary>Points, exact (doubles round-trip; NaN kept), for a shard file.</summary>
    public static byte[] WritePoints(IReadOnlyList<SweepPoint> points) => JsonSerializer.SerializeToUtf8Bytes(points, Exact);

    public static SweepPoint[] ReadPoints(Stream stream) => JsonSerializer.Deserialize<SweepPoint[]>(stream, Exact) ?? [];
}

/// <summary>A resolved sensitivity analysis of a scenario: enough to build it again anywhere (a plan stores it as JSON).</summary>
internal sealed record SensitivityDefinition(Scenario Scenario, IReadOnlyList<ExperimentParameter> Levers, string Method, int Samples, string Metric, int Levels, int Bootstrap, int Runs, ulong Seed, double Confidence, Calibration.Posterior? Posterior = null)
{
    private static readonly JsonSerializerOptions Exact = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public Analysis.ScenarioSensitivity Build(int threads) => new(Scenario, Levers, new Analysis.SensitivityOptions
    {
        Method = Method == "morris" ? Analysis.SensitivityMethod.Morris : Analysis.SensitivityMethod.Sobol,
        Samples = Samples,
        Metric = Metric switch
        {
            "weeks" => SweepMetric.WeeksSurvived,
            "share" => SweepMetric.FinalDefectedShare,
            "generals" => SweepMetric.EarlyGeneralDefections,
            "humanitarian" => SweepMetric.HumanitarianBurden,
            _ => SweepMetric.CollapseProbability,
        },
        MorrisLevels = Levels,
        Bootstrap = Bootstrap,
        MonteCarlo = new MonteCarloOptions { Replications = Runs, Seed = Seed, Confidence = Confidence, MaxDegreeOfParallelism = threads },
        Posterior = Posterior,
    });

    public JsonObject ToJson() => new()
    {
        ["levers"] = JsonSerializer.SerializeToNode(Levers.ToArray(), Exact),
        ["method"] = Method,
        ["samples"] = Samples,
        ["output"] = Metric,
        ["levels"] = Levels,
        ["bootstrap"] = Bootstrap,
        ["runsPerPoint"] = Runs,
    };

    public static SensitivityDefinition FromJson(JsonNode node, Scenario scenario, ulong seed, double confidence)
        => new(scenario, node["levers"].Deserialize<ExperimentParameter[]>(Exact)!, node["method"]!.GetValue<string>(), node["samples"]!.GetValue<int>(), node["output"]!.GetValue<string>(),
               node["levels"]!.GetValue<int>(), node["bootstrap"]!.GetValue<int>(), node["runsPerPoint"]!.GetValue<int>(), seed, confidence);
}
