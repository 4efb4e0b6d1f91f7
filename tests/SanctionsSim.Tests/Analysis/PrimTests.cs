using SanctionsSim.Analysis;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Tests.Analysis;

/// <summary>PRIM finds a known box in a synthetic function with label noise, leaves the irrelevant inputs alone, and rejects bad input by name.</summary>
public class PrimTests
{
    /// <summary>Five uniform inputs; a case when x0 ∈ [0.2, 0.6] and x2 ≥ 0.7, with a share of labels flipped.</summary>
    internal static (string[] Names, List<double[]> Inputs, List<bool> Cases) Synthetic(int n, double flip, ulong seed)
    {
        var random = new RandomStream(seed, 0, StreamKeys.Design);
        var inputs = new List<double[]>();
        var cases = new List<bool>();
        for (int i = 0; i < n; i++)
        {
            var x = new double[5];
            for (int j = 0; j < 5; j++)
            {
                x[j] = random.NextDouble();
            }

            bool inBox = x[0] >= 0.2 && x[0] <= 0.6 && x[2] >= 0.7;
            inputs.Add(x);
            cases.Add(random.NextDouble() < flip ? !inBox : inBox);
        }

        return (["x0", "x1", "x2", "x3", "x4"], inputs, cases);
    }

    [TestCase(0.0, 1UL)]
    [TestCase(0.05, 2UL)]
    public void TheKnownBox_IsFound_WithOnlyItsTwoInputsRestricted(double flip, ulong seed)
    {
        var (names, inputs, cases) = Synthetic(4000, flip, seed);
        var result = Prim.Peel(names, inputs, cases);
        PrimBox box = result.Choose(flip == 0 ? 0.99 : 0.9); // the true box's density is 1, or about 0.95 with 5 % of labels flipped
        TestContext.Out.WriteLine($"box {box.Index}: coverage {box.Coverage:F3}, density {box.Density:F3}, mass {box.Mass:F3}; " + string.Join("; ", box.Limits.Where(l => l.Restricted).Select(l => $"{l.Name} [{l.Lower:F3}, {l.Upper:F3}] p {l.PValue:E1}")));
        box.Limits.Where(l => l.Restricted).Select(l => l.Name).ShouldBe(["x0", "x2"]);
        box.Limits[0].Lower.ShouldBe(0.2, 0.05);
        box.Limits[0].Upper.ShouldBe(0.6, 0.05);
        box.Limits[2].Lower.ShouldBe(0.7, 0.05);
        box.Limits[2].Upper.ShouldBe(1.0, 0.01);
        box.Density.ShouldBeGreaterThanOrEqualTo(flip == 0 ? 0.99 : 0.9);
        box.Coverage.ShouldBeGreaterThan(flip == 0 ? 0.9 : 0.6);
        box.Limits[0].PValue.ShouldBeLessThan(1e-6);
        box.Limits[2].PValue.ShouldBeLessThan(1e-6);
        box.Limits[2].PValue.ShouldBeGreaterThan(0); // a far tail, not 1 − CDF cancelled to 0
    }

    [Test]
    public void TheQuasiPValue_IsTheBinomialTail_EvenFarBeyondDoublePrecisionOfOneMinusTheCdf()
    {
        foreach (var (k, n, p) in new[] { (3, 10, 0.2), (30, 100, 0.25), (1, 1, 0.5), (50, 60, 0.4) })
        {
            double direct = 1 - MathNet.Numerics.Distributions.Binomial.CDF(p, n, k - 1);
            Prim.AtLeast(k, n, p).ShouldBe(direct, 1e-12 + (1e-9 * direct));
        }

        // 200 cases in a box of 200 where the base rate is 0.38: 0.38^200 ≈ 1.5e-84, which 1 − CDF gives as 0
        Prim.AtLeast(200, 200, 0.38).ShouldBe(Math.Pow(0.38, 200), 1e-6 * Math.Pow(0.38, 200));
        (1 - MathNet.Numerics.Distributions.Binomial.CDF(0.38, 200, 199)).ShouldBe(0);
        Prim.AtLeast(0, 10, 0.3).ShouldBe(1);
        Prim.AtLeast(11, 10, 0.3).ShouldBe(0);
    }

    [Test]
    public void TheTrajectory_ShrinksAndGrowsDenser_FromTheBoxOfAllPoints()
    {
        var (names, inputs, cases) = Synthetic(2000, 0.05, 3);
        var result = Prim.Peel(names, inputs, cases, new PrimOptions { PeelAlpha = 0.1, MinMass = 0.02 });
        result.Trajectory[0].Mass.ShouldBe(1.0);
        result.Trajectory[0].Coverage.ShouldBe(1.0);
        result.Trajectory[0].Density.ShouldBe(result.BaseDensity);
        for (int k = 1; k < result.Trajectory.Count; k++)
        {
            result.Trajectory[k].Points.ShouldBeLessThan(result.Trajectory[k - 1].Points);
        }

        result.Trajectory[^1].Mass.ShouldBeGreaterThanOrEqualTo(0.02);
        result.Trajectory.Max(b => b.Density).ShouldBeGreaterThan(0.9);
        Prim.Peel(names, inputs, cases).Trajectory.Select(b => b.Points).ShouldBe(Prim.Peel(names, inputs, cases).Trajectory.Select(b => b.Points)); // deterministic
    }

    [Test]
    public void ASmallSample_StillPeels_AtLeastOnePointAtATime()
    {
        var inputs = Enumerable.Range(0, 10).Select(i => new[] { i / 10.0 }).ToList();
        var cases = Enumerable.Range(0, 10).Select(i => i >= 7).ToList();
        var box = Prim.Peel(["x"], inputs, cases, new PrimOptions { MinMass = 0.1 }).Choose(1.0);
        box.Density.ShouldBe(1.0);
        box.Limits[0].Lower.ShouldBe(0.7);
        box.Coverage.ShouldBe(1.0);
    }

    [Test]
    public void BadInput_IsNamed()
    {
        Should.Throw<ArgumentException>(() => Prim.Peel(["a"], [[1.0]], [false])).Message.ShouldContain("No point is a case of interest");
        Should.Throw<ArgumentException>(() => Prim.Peel(["a"], [[double.NaN]], [true])).Message.ShouldContain("Point 0 must have 1 finite values (a)");
        Should.Throw<ArgumentException>(() => Prim.Peel(["a"], [[1.0]], [true, false])).Message.ShouldContain("one label per point");
        Should.Throw<ArgumentException>(() => Prim.Peel(["a"], [[1.0]], [true], new PrimOptions { PeelAlpha = 0.7 })).Message.ShouldBe("Invalid PRIM options: PeelAlpha must be in (0, 0.5); got 0.7.");
        Should.Throw<ArgumentOutOfRangeException>(() => Prim.Peel(["a"], [[1.0]], [true]).Choose(double.NaN));
    }
}
