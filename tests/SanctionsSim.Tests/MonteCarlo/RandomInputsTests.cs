using MathNet.Numerics.Distributions;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Tests.MonteCarlo;

/// <summary>
/// <see cref="RandomInputs"/>: coordinates are a pure function of (root, moves) whatever was read first; the
/// preconditioned Crank–Nicolson move keeps N(0, 1); a stream that follows the inputs gives each draw its exact
/// distribution, one coordinate per draw. Distribution checks are Kolmogorov–Smirnov at a fixed seed with the 10⁻⁴
/// critical value, so they cannot flake.
/// </summary>
public class RandomInputsTests
{
    private const double KsCritical = 1.949; // √n·D at α = 10⁻⁴

    [Test]
    public void A_coordinate_is_the_same_whichever_order_coordinates_are_read_in()
    {
        var forward = RandomInputs.FromPrior(5, 17);
        var backward = RandomInputs.FromPrior(5, 17);
        var forwardValues = Enumerable.Range(0, 300).Select(d => forward.Normal(1, d)).ToArray();
        double last = backward.Normal(1, 299);
        last.ShouldBe(forwardValues[299]);
        Enumerable.Range(0, 300).Select(d => backward.Normal(1, d)).ShouldBe(forwardValues);
        RandomInputs.FromPrior(5, 18).Normal(1, 0).ShouldNotBe(forwardValues[0]);
        forward.Normal(2, 0).ShouldNotBe(forwardValues[0]); // blocks are independent
    }

    [Test]
    public void A_moved_particle_reads_unread_coordinates_as_if_every_move_had_moved_them()
    {
        // x read 10 coordinates before moving; y read none: after the same two moves both must agree on all 40
        var x = RandomInputs.FromPrior(9, 3);
        for (int d = 0; d < 10; d++)
        {
            _ = x.Normal(0, d);
        }

        var y = RandomInputs.FromPrior(9, 3);
        var x2 = x.Perturb(11, 0.7).Perturb(12, 0.4);
        var y2 = y.Perturb(11, 0.7).Perturb(12, 0.4);
        x2.Moves.ShouldBe(2);
        for (int d = 0; d < 40; d++)
        {
            x2.Normal(0, d).ShouldBe(y2.Normal(0, d), $"coordinate {d}");
        }

        x.Materialized(0).ShouldBe(10);
        x2.Materialized(0).ShouldBe(40);
    }

    [Test]
    public void The_move_keeps_the_standard_normal_and_correlates_as_its_rho()
    {
        const int n = 4000;
        var before = new double[n];
        var after = new double[n];
        for (int i = 0; i < n; i++)
        {
            var x = RandomInputs.FromPrior(21, i);
            before[i] = x.Normal(0, 0);
            var y = x.Perturb(1000 + (ulong)i, 0.8).Perturb(5000 + (ulong)i, 0.8).Perturb(9000 + (ulong)i, 0.8);
            after[i] = y.Normal(0, 0);
        }

        Ks(after, x => Normal.CDF(0, 1, x)).ShouldBeLessThan(KsCritical);
        double r = MathNet.Numerics.Statistics.Correlation.Pearson(before, after);
        r.ShouldBe(0.512, 4 * (1 - (0.512 * 0.512)) / Math.Sqrt(n)); // ρ³ after three moves, ± 4 SE of a correlation
        RandomInputs.FromPrior(1, 1).Perturb(1, 1.0).Normal(0, 3).ShouldBe(RandomInputs.FromPrior(1, 1).Normal(0, 3));
    }

    [Test]
    public void A_following_stream_draws_each_distribution_exactly_one_coordinate_per_draw()
    {
        const int n = 3000;
        var uniforms = new double[n];
        var exponentials = new double[n];
        var normals = new double[n];
        var counts = new int[7];
        var stream = new RandomStream(0);
        for (int i = 0; i < n; i++)
        {
            var inputs = RandomInputs.FromPrior(33, i);
            stream.Follow(inputs, 3);
            uniforms[i] = stream.NextDouble();
            exponentials[i] = stream.NextExponential();
            normals[i] = stream.NextStandardNormal();
            counts[stream.NextInt32(7)]++;
            double beta = Variates.Beta(stream, 2, 5);
            beta.ShouldBeInRange(0, 1);
            _ = stream.NextUInt64();
            inputs.Materialized(3).ShouldBe(6); // the Beta variate (a rejection sampler) used one coordinate
            stream.IsFollowing.ShouldBeTrue();
        }

        Ks(uniforms, u => u).ShouldBeLessThan(KsCritical);
        Ks(exponentials, x => 1 - Math.Exp(-x)).ShouldBeLessThan(KsCritical);
        Ks(normals, x => Normal.CDF(0, 1, x)).ShouldBeLessThan(KsCritical);
        double chi = counts.Sum(c => (c - (n / 7.0)) * (c - (n / 7.0)) / (n / 7.0));
        chi.ShouldBeLessThan(ChiSquared.InvCDF(6, 1 - 1e-4));
        stream.Reset(1, 2, 3);
        stream.IsFollowing.ShouldBeFalse();
        stream.NextDouble().ShouldBe(new RandomStream(1, 2, 3).NextDouble());
    }

    [Test]
    public void The_same_inputs_give_the_same_draws_and_a_move_changes_them_continuously()
    {
        var inputs = RandomInputs.FromPrior(4, 4);
        var a = new RandomStream(0);
        var b = new RandomStream(0);
        a.Follow(inputs, 0);
        b.Follow(inputs, 0);
        for (int i = 0; i < 50; i++)
        {
            a.NextDouble().ShouldBe(b.NextDouble());
        }

        var moved = inputs.Perturb(77, 0.999);
        for (int d = 0; d < 50; d++)
        {
            Math.Abs(moved.Uniform(0, d) - inputs.Uniform(0, d)).ShouldBeLessThan(0.05);
        }
    }

    [Test]
    public void Keys_change_only_when_a_move_carries_the_value_into_another_eighth()
    {
        var inputs = RandomInputs.FromPrior(8, 8);
        inputs.Key(0, 5).ShouldBe(inputs.Key(0, 5));
        int same = 0, kept = 0;
        for (ulong k = 0; k < 400; k++)
        {
            var moved = inputs.Perturb(k, 0.99);
            bool sameCell = Math.Floor(moved.Uniform(0, 5) * 8) == Math.Floor(inputs.Uniform(0, 5) * 8);
            same += sameCell ? 1 : 0;
            kept += moved.Key(0, 5) == inputs.Key(0, 5) ? 1 : 0;
            (moved.Key(0, 5) == inputs.Key(0, 5)).ShouldBe(sameCell);
        }

        kept.ShouldBe(same);
        kept.ShouldBeGreaterThan(0);
    }

    [Test]
    public void A_shift_moves_the_mean_and_its_weight_is_the_density_ratio()
    {
        var shift = new InputShift([new ShiftedCoordinate { Block = 0, Coordinate = 2, Mean = -3 }]);
        const int n = 4000;
        var values = new double[n];
        double weights = 0;
        for (int i = 0; i < n; i++)
        {
            var x = RandomInputs.FromShiftedPrior(6, i, shift);
            values[i] = x.Normal(0, 2);
            x.Normal(0, 1).ShouldBe(RandomInputs.FromPrior(6, i).Normal(0, 1)); // others unshifted
            double w = Math.Exp(shift.LogLikelihoodRatio(x));
            w.ShouldBe(Normal.PDF(0, 1, values[i]) / Normal.PDF(-3, 1, values[i]), 1e-9 * w);
            weights += w;
        }

        Ks(values, x => Normal.CDF(-3, 1, x)).ShouldBeLessThan(KsCritical);
        Should.Throw<ArgumentException>(() => new InputShift([new ShiftedCoordinate { Block = 0, Coordinate = 2, Mean = double.NaN }])).Message.ShouldContain("finite mean");
        Should.Throw<ArgumentException>(() => new InputShift([new ShiftedCoordinate { Block = 0, Coordinate = 2, Mean = 1 }, new ShiftedCoordinate { Block = 0, Coordinate = 2, Mean = 2 }])).Message.ShouldContain("twice");
        Should.Throw<ArgumentException>(() => new InputShift([new ShiftedCoordinate { Block = 16, Coordinate = 0, Mean = 1 }])).Message.ShouldContain("block 16");
    }

    [Test]
    public void Bad_arguments_are_refused_with_their_range()
    {
        var x = RandomInputs.FromPrior(1, 1);
        Should.Throw<ArgumentOutOfRangeException>(() => x.Perturb(1, 1.5)).Message.ShouldContain("[0, 1]");
        Should.Throw<ArgumentOutOfRangeException>(() => x.Perturb(1, double.NaN));
        Should.Throw<ArgumentOutOfRangeException>(() => x.Normal(16, 0)).Message.ShouldContain("[0, 16)");
        Should.Throw<ArgumentOutOfRangeException>(() => x.Normal(0, -1));
        Should.Throw<ArgumentOutOfRangeException>(() => new RandomStream(1).Follow(x, -1));
        var stream = new RandomStream(1);
        stream.Follow(x, 0);
        Should.Throw<InvalidOperationException>(() => stream.Detach());
    }

    [Test]
    public void Codys_erfc_agrees_with_MathNet_to_thirteen_digits()
    {
        for (double x = -30; x <= 30; x += 0.0137)
        {
            double expected = MathNet.Numerics.SpecialFunctions.Erfc(x);
            double got = Erfc.Of(x);
            if (expected > 1e-290)
            {
                got.ShouldBe(expected, 1e-13 * expected, $"erfc({x})");
            }
            else
            {
                got.ShouldBeLessThan(1e-280);
            }
        }

        Erfc.Of(0).ShouldBe(1);
        Erfc.Of(-40).ShouldBe(2);
        Erfc.Of(40).ShouldBe(0);
    }

    /// <summary>√n · the Kolmogorov–Smirnov distance of the sample from a CDF.</summary>
    private static double Ks(double[] sample, Func<double, double> cdf)
    {
        var sorted = sample.Order().ToArray();
        double d = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            double f = cdf(sorted[i]);
            d = Math.Max(d, Math.Max(f - ((double)i / sorted.Length), ((i + 1.0) / sorted.Length) - f));
        }

        return d * Math.Sqrt(sorted.Length);
    }
}
