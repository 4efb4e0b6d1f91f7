using System.CommandLine;
using SanctionsSim.IO.Batches;

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

        return new SweepDefinition { Scenario = scenario, Levers = levers, Kind = kind, Points = n, Levels = l, Runs = r, Seed = s, Confidence = parse.GetValue(_confidence) };
    }
}
