using SanctionsSim.Experiments;

namespace SanctionsSim.Tests.Experiments;

public class DesignTests
{
    [Test]
    public void SobolSequence_FirstPoints_MatchThePublishedSequence()
    {
        // the unshifted Sobol sequence in three dimensions (Joe & Kuo directions), as printed by scipy.stats.qmc.Sobol(scramble=False)
        double[][] expected =
        [
            [0, 0, 0], [0.5, 0.5, 0.5], [0.75, 0.25, 0.25], [0.25, 0.75, 0.75],
            [0.375, 0.375, 0.625], [0.875, 0.875, 0.125], [0.625, 0.125, 0.875], [0.125, 0.625, 0.375],
        ];
        var sequence = new SobolSequence(3, shift: false);
        var x = new double[3];
        for (int i = 0; i < expected.Length; i++)
        {
            sequence.Point(i, x);
            x.ShouldBe(expected[i], $"point {i}");
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void SobolSequence_EveryDimension_IsAZeroMOneNet(bool shift)
    {
        // the first 2^m points put exactly one point in each interval [k/2^m, (k+1)/2^m), in every one of the 46 dimensions; a digital shift keeps it
        const int m = 9;
        var sequence = new SobolSequence(SobolSequence.MaxDimensions, seed: 5, shift: shift);
        var hits = new int[SobolSequence.MaxDimensions, 1 << m];
        var x = new double[SobolSequence.MaxDimensions];
        for (int i = 0; i < 1 << m; i++)
        {
            sequence.Point(i, x);
            for (int j = 0; j < x.Length; j++)
            {
                hits[j, (int)(x[j] * (1 << m))]++;
            }
        }

        for (int j = 0; j < SobolSequence.MaxDimensions; j++)
        {
            for (int k = 0; k < 1 << m; k++)
            {
                hits[j, k].ShouldBe(1, $"dimension {j + 1}, stratum {k}");
            }
        }
    }

    [Test]
    public void SobolSequence_TwoDimensionalProjections_AreBalancedOnCoarseGrids()
    {
        // every pair of the first 16 dimensions: the first 2^10 points fill each cell of a 4×4 grid with 64 points (a (t, 10, 2)-net with t ≤ 6)
        var sequence = new SobolSequence(16, shift: false);
        var x = new double[16];
        var points = new double[1024][];
        for (int i = 0; i < points.Length; i++)
        {
            sequence.Point(i, x);
            points[i] = [.. x];
        }

        for (int a = 0; a < 16; a++)
        {
            for (int b = a + 1; b < 16; b++)
            {
                var cells = new int[16];
                foreach (var p in points)
                {
                    cells[((int)(p[a] * 4) * 4) + (int)(p[b] * 4)]++;
                }

                cells.ShouldAllBe(c => c == 64, $"dimensions {a + 1} and {b + 1}");
            }
        }
    }

    [Test]
    public void SobolDesign_IntegratesASmoothFunctionFarBetterThanPseudoRandomPoints()
    {
        // ∫ Π_{j<6} (1 + (x_j − 1/2)) dx = 1 over the unit cube; 4096 points
        static double F(double[] x) => x.Aggregate(1.0, (p, v) => p * (1 + (v - 0.5)));
        var sobol = new SobolSequenceDesign(4096, 6, seed: 3);
        var random = new SaltelliDesign(4096, 6, seed: 3, quasiRandom: false);
        double qmc = 0, mc = 0;
        var x = new double[6];
        for (int i = 0; i < 4096; i++)
        {
            sobol.Point(i, x);
            qmc += F(x);
            random.Point(random.IndexOf(i, -1), x);
            mc += F(x);
        }

        // the Monte Carlo standard error here is sqrt((1 + 1/12)^6 − 1) / 64 ≈ 0.0117; quasi-Monte Carlo is well under a tenth of it
        Math.Abs((qmc / 4096) - 1).ShouldBeLessThan(0.001);
        Math.Abs((mc / 4096) - 1).ShouldBeLessThan(4 * 0.0117);
    }

    [Test]
    public void FullFactorial_EnumeratesEveryCombination_LastDimensionFastest()
    {
        var design = new FullFactorialDesign([3, 2]);
        design.Count.ShouldBe(6);
        Enumerable.Range(0, 6).Select(i => design.Point(i)).ShouldBe(
        [
            [0.0, 0.0], [0.0, 1.0], [0.5, 0.0], [0.5, 1.0], [1.0, 0.0], [1.0, 1.0],
        ]);
        Should.Throw<ArgumentException>(() => new FullFactorialDesign([1])).Message.ShouldContain("levels[0]");
        Should.Throw<ArgumentException>(() => FullFactorialDesign.Uniform(10, 10)).Message.ShouldContain("Latin hypercube");
    }

    [Test]
    public void LatinHypercube_StratifiesEveryDimension_AndIsReproducible()
    {
        var design = new LatinHypercubeDesign(50, 4, seed: 9);
        var strata = new bool[4, 50];
        for (int i = 0; i < 50; i++)
        {
            var x = design.Point(i);
            for (int j = 0; j < 4; j++)
            {
                int s = (int)(x[j] * 50);
                strata[j, s].ShouldBeFalse($"dimension {j}, stratum {s} hit twice");
                strata[j, s] = true;
            }
        }

        new LatinHypercubeDesign(50, 4, seed: 9).Point(17).ShouldBe(design.Point(17));
        new LatinHypercubeDesign(50, 4, seed: 10).Point(17).ShouldNotBe(design.Point(17));
    }

    [Test]
    public void Saltelli_BlocksHoldA_ABi_AndB()
    {
        var design = new SaltelliDesign(8, 3, seed: 4);
        design.Count.ShouldBe(8 * 5);
        for (int r = 0; r < 8; r++)
        {
            double[] a = design.Point(design.IndexOf(r, -1)), b = design.Point(design.IndexOf(r, 3));
            for (int i = 0; i < 3; i++)
            {
                double[] ab = design.Point(design.IndexOf(r, i));
                for (int j = 0; j < 3; j++)
                {
                    ab[j].ShouldBe(j == i ? b[j] : a[j]);
                }
            }

            a.ShouldNotBe(b);
        }
    }

    [Test]
    public void Morris_TrajectoriesMoveOneInputAtATime_ByDelta_OnTheGrid()
    {
        var design = new MorrisDesign(30, 5, levels: 6, seed: 2);
        double delta = design.Delta;
        delta.ShouldBe(0.6);
        for (int t = 0; t < 30; t++)
        {
            var moved = new HashSet<int>();
            for (int s = 0; s <= 5; s++)
            {
                double[] x = design.Point((t * 6) + s);
                x.ShouldAllBe(v => Math.Abs((v * 5) - Math.Round(v * 5)) < 1e-9 && v >= 0 && v <= 1);
                if (s == 0)
                {
                    continue;
                }

                double[] previous = design.Point((t * 6) + s - 1);
                var (input, direction) = design.Step(t, s);
                for (int j = 0; j < 5; j++)
                {
                    (x[j] - previous[j]).ShouldBe(j == input ? direction * delta : 0, 1e-12);
                }

                moved.Add(input).ShouldBeTrue();
            }

            moved.Count.ShouldBe(5);
        }

        Should.Throw<ArgumentOutOfRangeException>(() => new MorrisDesign(10, 3, levels: 5)).Message.ShouldContain("even");
    }

    [Test]
    public void Point_OutOfRange_Throws()
    {
        var design = new LatinHypercubeDesign(5, 2);
        Should.Throw<ArgumentOutOfRangeException>(() => design.Point(5)).Message.ShouldContain("[0, 4]");
        Should.Throw<ArgumentException>(() => design.Point(0, new double[1]));
    }

    [Test]
    public void Parameters_MapUnitCoordinatesByTheirDistributions()
    {
        ExperimentParameter.Uniform("a", 2, 4).FromUnit(0.25).ShouldBe(2.5);
        new ExperimentParameter { Name = "b", Lower = 1, Upper = 100, Distribution = ParameterDistribution.LogUniform }.FromUnit(0.5).ShouldBe(10, 1e-12);
        new ExperimentParameter { Name = "c", Lower = 0, Upper = 1, Distribution = ParameterDistribution.Triangular, Mode = 1 }.FromUnit(0.25).ShouldBe(0.5, 1e-12);
        var normal = new ExperimentParameter { Name = "d", Lower = 0, Upper = 1, Distribution = ParameterDistribution.TruncatedNormal, Mean = 0.5, StandardDeviation = 0.1 };
        normal.FromUnit(0.5).ShouldBe(0.5, 1e-12);
        normal.FromUnit(0.975).ShouldBe(0.5 + (1.959964 * 0.1), 1e-3);
        normal.FromUnit(0).ShouldBe(0);
        normal.FromUnit(1).ShouldBe(1);
        Should.Throw<ArgumentOutOfRangeException>(() => normal.FromUnit(double.NaN));
    }

    [Test]
    public void Parameters_Validate_NamesFieldValueAndRange()
    {
        Should.Throw<ArgumentException>(() => new ExperimentParameter { Name = "x", Lower = 0, Upper = double.PositiveInfinity }.Validate()).Message.ShouldContain("'x'");
        Should.Throw<ArgumentException>(() => new ExperimentParameter { Name = "x", Lower = 0, Upper = 1, Distribution = ParameterDistribution.LogUniform }.Validate()).Message.ShouldContain("positive");
        Should.Throw<ArgumentException>(() => new ExperimentParameter { Name = "x", Lower = 0, Upper = 1, Distribution = ParameterDistribution.Triangular, Mode = 2 }.Validate()).Message.ShouldContain("mode 2");
        Should.Throw<ArgumentException>(() => new ExperimentParameter { Name = "x", Lower = 0, Upper = 1, Distribution = ParameterDistribution.TruncatedNormal, Mean = 0.5, StandardDeviation = -1 }.Validate()).Message.ShouldContain("standard deviation");
    }
}
