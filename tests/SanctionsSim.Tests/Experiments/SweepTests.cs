using Parquet;
using SanctionsSim.Experiments;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
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
        new SweepOptions { ReplicationsPerPoint = 12, Seed = seed, MaxDegreeOfParallelism = 2, RecordOutcomes = outcomes, PointsPerParquetFile = 3 });

    private static Dictionary<string, byte[]> Files(string folder)
        => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    [Test]
    public async Task KilledAndResumed_EndsWithExactlyTheFilesOfAnUninterruptedSweep()
    {
        string whole = Path.Combine(_folder, "whole"), broken = Path.Combine(_folder, "broken");
        var points = new List<SweepPoint>();
        var done = await Make().RunAsync(whole, onPoint: points.Add);
        done.Completed.ShouldBeTrue();
        points.Select(p => p.Index).ShouldBe([0, 1, 2, 3, 4, 5, 6]);

        // stop after four points (one Parquet file of three committed, one point pending)
        using (var cts = new CancellationTokenSource())
        {
            var partial = await Make().RunAsync(broken, onPoint: p => { if (p.Index == 3) { cts.Cancel(); } }, cancellationToken: cts.Token);
            partial.Completed.ShouldBeFalse();
            partial.PointsDone.ShouldBe(4);
        }

        // then a crash in the middle of the next point's append, and a Parquet file written but never committed
        await File.AppendAllTextAsync(Path.Combine(broken, "points.csv"), "4,0.5,0.3,12,");
        await File.AppendAllTextAsync(Path.Combine(broken, "outcomes.csv"), "4,0,");
        File.Copy(Path.Combine(whole, "parquet", "part-00001.parquet"), Path.Combine(broken, "parquet", "part-00001.parquet"));
        await File.WriteAllTextAsync(Path.Combine(broken, "parquet", ".part-00001.parquet.1.tmp"), "torn");

        var replayed = new List<SweepPoint>();
        var resumed = await Make().RunAsync(broken, resume: true, onPoint: replayed.Add);
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

        Sweep.ReadPoints(broken).ShouldBe(points);
    }

    [Test]
    public async Task Parquet_HoldsTheSameRowsAsTheCsv()
    {
        var points = new List<SweepPoint>();
        await Make(outcomes: false).RunAsync(_folder, onPoint: points.Add);
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
        await Make(seed: 3).RunAsync(_folder);
        Should.Throw<InvalidOperationException>(() => Make(seed: 4).RunAsync(_folder, resume: true)).Message.ShouldContain("design");
        Should.Throw<InvalidOperationException>(() => Make(seed: 3).RunAsync(_folder)).Message.ShouldContain("already holds a sweep");
        Should.Throw<InvalidOperationException>(() => Make().RunAsync(Path.Combine(_folder, "nothing"), resume: true)).Message.ShouldContain("no manifest");
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
        var e = Should.Throw<ArgumentException>(() => new Sweep(Presets.Get("venezuela-2019"), [ExperimentParameter.Uniform("coalition.us.amnesty.credibility", 0, 2)], new LatinHypercubeDesign(4, 1)));
        e.Message.ShouldContain("coalition.us.amnesty.credibility = 2");
        Should.Throw<ArgumentException>(() => new Sweep(Presets.Get("venezuela-2019"), Levers, new LatinHypercubeDesign(4, 3))).Message.ShouldContain("3 dimensions");
        Should.Throw<ArgumentOutOfRangeException>(() => new Sweep(Presets.Get("venezuela-2019"), Levers, new LatinHypercubeDesign(4, 2), new SweepOptions { ReplicationsPerPoint = 0 }));
    }
}
