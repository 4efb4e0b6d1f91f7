using Parquet;
using SanctionsSim.Analysis;
using SanctionsSim.Experiments;
using SanctionsSim.IO;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

namespace SanctionsSim.Tests.Experiments;

/// <summary>Sweeps: streamed files, resume after a kill equals an uninterrupted sweep, refusals, common random numbers.</summary>
public class SweepTests
{
    private static readonly ExperimentParameter[] Levers =
    [
        ExperimentParameter.Uniform("coalition.us.amnesty.credibility", 0.2, 1),
        ExperimentParameter.Uniform("regime.reprisalProbability", 0.1, 0.9),
    ];

    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("sanctionssim-sweep-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static Sweep Make(ulong seed = 3, bool outcomes = true) => new(
        Presets.Get("venezuela-2019-amnesty") with { Weeks = 20 },
        Levers,
        new LatinHypercubeDesign(7, 2, seed),
        new SweepOptions { MonteCarlo = new MonteCarloOptions { Replications = 12, Seed = seed, MaxDegreeOfParallelism = 2 }, RecordOutcomes = outcomes });

    /// <summary>A sweep folder of three points per Parquet file; the sweep runs and the folder is closed.</summary>
    private static async Task<SweepResult> RunIn(Sweep sweep, string folder, bool resume = false, Action<SweepPoint>? onPoint = null, CancellationToken cancellationToken = default)
    {
        using var store = new SweepDirectory(folder, pointsPerParquetFile: 3);
        return await sweep.RunAsync(store, resume, onPoint, cancellationToken: cancellationToken);
    }

    private static Dictionary<string, byte[]> Files(string folder)
        => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    [Test]
    public async Task KilledAndResumed_EndsWithExactlyTheFilesOfAnUninterruptedSweep()
    {
        string whole = Path.Combine(_folder, "whole"), broken = Path.Combine(_folder, "broken");
        var points = new List<SweepPoint>();
        var done = await RunIn(Make(), whole, onPoint: points.Add);
        done.Completed.ShouldBeTrue();
        points.Select(p => p.Index).ShouldBe([0, 1, 2, 3, 4, 5, 6]);

        // stop after four points (one Parquet file of three committed, one point pending)
        using (var cts = new CancellationTokenSource())
        {
            var partial = await RunIn(Make(), broken, onPoint: p => { if (p.Index == 3) { cts.Cancel(); } }, cancellationToken: cts.Token);
            partial.Completed.ShouldBeFalse();
            partial.PointsDone.ShouldBe(4);
        }

        // then a crash in the middle of the next point's append, and a Parquet file written but never committed
        await File.AppendAllTextAsync(Path.Combine(broken, "points.csv"), "4,0.5,0.3,12,");
        await File.AppendAllTextAsync(Path.Combine(broken, "outcomes.csv"), "4,0,");
        File.Copy(Path.Combine(whole, "parquet", "part-00001.parquet"), Path.Combine(broken, "parquet", "part-00001.parquet"));
        await File.WriteAllTextAsync(Path.Combine(broken, "parquet", ".part-00001.parquet.1.tmp"), "torn");

        var replayed = new List<SweepPoint>();
        var resumed = await RunIn(Make(), broken, resume: true, onPoint: replayed.Add);
        resumed.PointsResumed.ShouldBe(4);
        resumed.Completed.ShouldBeTrue();
        replayed.ShouldBe(points, "points read back equal the points computed");

        var expected = Files(whole);
        var actual = Files(broken);
        actual.Keys.Order().ShouldBe(expected.Keys.Order());
        foreach (var (name, bytes) in expected)
        {
            actual[name].ShouldBe(bytes, name);
        }

        SweepDirectory.ReadPoints(broken).ShouldBe(points);
    }

    [Test]
    public async Task Parquet_HoldsTheSameRowsAsTheCsv()
    {
        var points = new List<SweepPoint>();
        await RunIn(Make(outcomes: false), _folder, onPoint: points.Add);
        var files = Directory.GetFiles(Path.Combine(_folder, "parquet")).Order().ToArray();
        files.Length.ShouldBe(3);
        var collapse = new List<double>();
        var credibility = new List<double>();
        foreach (string file in files)
        {
            await using var reader = await ParquetReader.CreateAsync(file);
            using var group = reader.OpenRowGroupReader(0);
            var a = new double[group.RowCount];
            var b = new double[group.RowCount];
            await group.ReadAsync<double>(reader.Schema.DataFields.Single(f => f.Name == "collapseProbability"), a);
            await group.ReadAsync<double>(reader.Schema.DataFields.Single(f => f.Name == Levers[0].Name), b);
            collapse.AddRange(a);
            credibility.AddRange(b);
        }

        collapse.ShouldBe(points.Select(p => p.CollapseProbability.Estimate));
        credibility.ShouldBe(points.Select(p => p.Values[0]));
    }

    [Test]
    public async Task Resume_OfADifferentSweep_IsRefused_NamingTheField()
    {
        await RunIn(Make(seed: 3), _folder);
        Should.Throw<InvalidOperationException>(() => RunIn(Make(seed: 4), _folder, resume: true)).Message.ShouldContain("design");
        Should.Throw<InvalidOperationException>(() => RunIn(Make(seed: 3), _folder)).Message.ShouldContain("already holds a sweep");
        Should.Throw<InvalidOperationException>(() => RunIn(Make(), Path.Combine(_folder, "nothing"), resume: true)).Message.ShouldContain("no manifest");
        using var otherLayout = new SweepDirectory(_folder, pointsPerParquetFile: 4);
        Should.Throw<InvalidOperationException>(() => Make(seed: 3).RunAsync(otherLayout, resume: true)).Message.ShouldContain("pointsPerParquetFile");
    }

    [Test]
    public void Points_RunOnCommonRandomNumbers_AndDoNotDependOnThreads()
    {
        var sweep = Make();
        var scenario = sweep.ScenarioAt(2);
        var direct = new SanctionsModel(scenario).Simulate(new MonteCarloOptions { Replications = 12, Seed = 3, MaxDegreeOfParallelism = 1 }).Summary;
        var point = sweep.RunPoint(2)!;
        point.Collapses.ShouldBe(direct.Collapses);
        point.FinalDefectedShareMean.ShouldBe(direct.FinalDefectedShare.Mean);
        point.CollapseWeeks!.Count(w => w >= 0).ShouldBe((int)direct.Collapses);
    }

    [Test]
    public void Construction_ChecksEveryLeverRangeBeforeComputing()
    {
        // a lever's range is the caller's input: a validation error (exit code 2 on the command line), naming the lever and the value
        var e = Should.Throw<System.ComponentModel.DataAnnotations.ValidationException>(() => new Sweep(Presets.Get("venezuela-2019"), [ExperimentParameter.Uniform("coalition.us.amnesty.credibility", 0, 2)], new LatinHypercubeDesign(4, 1)));
        e.Message.ShouldContain("coalition.us.amnesty.credibility = 2");
        Should.Throw<System.ComponentModel.DataAnnotations.ValidationException>(() => new Sweep(Presets.Get("venezuela-2019"), [ExperimentParameter.Uniform("coalition.us.amnesti.credibility", 0, 1)], new LatinHypercubeDesign(4, 1)))
            .Message.ShouldContain("did you mean 'amnesty'");
        Should.Throw<ArgumentException>(() => new Sweep(Presets.Get("venezuela-2019"), Levers, new LatinHypercubeDesign(4, 3))).Message.ShouldContain("3 dimensions");
        Should.Throw<SanctionsSim.Validation.InvalidInputException>(() => new Sweep(Presets.Get("venezuela-2019"), Levers, new LatinHypercubeDesign(4, 2), new SweepOptions { MonteCarlo = new MonteCarloOptions { Replications = 0 } }));
    }

    [Test]
    public void Options_ReportEveryProblemAtOnce_NamingTheField()
    {
        var e = Should.Throw<SanctionsSim.Validation.InvalidInputException>(() => new SweepOptions
        {
            MonteCarlo = new MonteCarloOptions { Replications = 0, Confidence = double.NaN, MaxDegreeOfParallelism = 0, TargetHalfWidth = 0.01 },
        }.Validate());
        e.Message.ShouldContain("MonteCarlo.Replications");
        e.Message.ShouldContain("MonteCarlo.Confidence");
        e.Message.ShouldContain("NaN");
        e.Message.ShouldContain("MonteCarlo.MaxDegreeOfParallelism");
        e.Message.ShouldContain("MonteCarlo.TargetHalfWidth");
        Should.Throw<SanctionsSim.Validation.InvalidInputException>(() => new SweepOptions { MonteCarlo = null! }.Validate()).Message.ShouldContain("MonteCarlo must not be null");

        var tipping = Should.Throw<SanctionsSim.Validation.InvalidInputException>(() => new TippingOptions { Points = 2, Level = 1, Bootstrap = -1, MonteCarlo = new MonteCarloOptions { Replications = 20_000_000 } }.Validate()).Message;
        foreach (string field in new[] { "Points", "Level", "Bootstrap", "MonteCarlo.Replications" })
        {
            tipping.ShouldContain(field);
        }

        var sensitivity = Should.Throw<SanctionsSim.Validation.InvalidInputException>(() => new SensitivityOptions { Method = SensitivityMethod.Morris, Samples = 1, MorrisLevels = 3, MonteCarlo = new MonteCarloOptions { FirstReplication = 5 } }.Validate()).Message;
        foreach (string field in new[] { "Samples", "MorrisLevels", "MonteCarlo.FirstReplication" })
        {
            sensitivity.ShouldContain(field);
        }
    }
}
