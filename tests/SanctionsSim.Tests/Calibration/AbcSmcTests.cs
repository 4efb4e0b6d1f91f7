using MathNet.Numerics.LinearAlgebra;
using SanctionsSim.Calibration;
using SanctionsSim.Experiments;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Tests.Calibration;

/// <summary>
/// ABC-SMC validated on models whose posteriors are known in closed form: a normal mean with a conjugate normal
/// prior, and a two-parameter linear-Gaussian model with correlated posterior. Tolerances are four Monte Carlo
/// standard errors (from the effective sample size) plus the bias the final tolerance ε can cause.
/// </summary>
public class AbcSmcTests
{
    /// <summary>x_1..x_n ~ N(μ, σ²), the sample mean is sufficient; μ ~ N(0, 2²).</summary>
    private sealed class NormalMean(double observedMean, int n) : IAbcModel
    {
        public IReadOnlyList<ExperimentParameter> Parameters { get; } =
            [new ExperimentParameter { Name = "mu", Lower = -20, Upper = 20, Distribution = ParameterDistribution.TruncatedNormal, Mean = 0, StandardDeviation = 2 }];

        public IAbcSimulator CreateSimulator() => new Simulator(observedMean, n);

        private sealed class Simulator(double observed, int n) : IAbcSimulator
        {
            private readonly RandomStream _random = new(0);

            public double Distance(ReadOnlySpan<double> theta, ulong seed, long index, double tolerance)
            {
                _random.Reset(seed, index, StreamKeys.Dynamics);
                double mean = theta[0] + (_random.NextStandardNormal() / Math.Sqrt(n));
                return Math.Abs(mean - observed);
            }
        }
    }

    /// <summary>y = Aθ + e, e ~ N(0, 0.5² I), A = [[1, 1], [1, 0]], θ ~ N(0, I): a correlated Gaussian posterior.</summary>
    private sealed class Linear2(double y1, double y2) : IAbcModel
    {
        public IReadOnlyList<ExperimentParameter> Parameters { get; } =
        [
            new ExperimentParameter { Name = "a", Lower = -8, Upper = 8, Distribution = ParameterDistribution.TruncatedNormal, Mean = 0, StandardDeviation = 1 },
            new ExperimentParameter { Name = "b", Lower = -8, Upper = 8, Distribution = ParameterDistribution.TruncatedNormal, Mean = 0, StandardDeviation = 1 },
        ];

        public IAbcSimulator CreateSimulator() => new Simulator(y1, y2);

        private sealed class Simulator(double y1, double y2) : IAbcSimulator
        {
            private readonly RandomStream _random = new(0);

            public double Distance(ReadOnlySpan<double> theta, ulong seed, long index, double tolerance)
            {
                _random.Reset(seed, index, StreamKeys.Dynamics);
                double s1 = theta[0] + theta[1] + (0.5 * _random.NextStandardNormal());
                double s2 = theta[0] + (0.5 * _random.NextStandardNormal());
                return Math.Sqrt(((s1 - y1) * (s1 - y1)) + ((s2 - y2) * (s2 - y2)));
            }
        }
    }

    private static (double Mean, double Variance) Moments(AbcPopulation p, int j)
    {
        double mean = 0, v = 0;
        for (int i = 0; i < p.Count; i++)
        {
            mean += p.Weights[i] * p[i, j];
        }

        for (int i = 0; i < p.Count; i++)
        {
            v += p.Weights[i] * (p[i, j] - mean) * (p[i, j] - mean);
        }

        return (mean, v);
    }

    [Test]
    public void NormalMean_MatchesTheConjugatePosterior_WithinMonteCarloError()
    {
        const int n = 20;
        const double observed = 1.3;
        double postVar = 1.0 / ((1.0 / 4.0) + n), postMean = postVar * n * observed;
        var result = AbcSmc.Run(new NormalMean(observed, n), new AbcOptions { Particles = 4000, Generations = 12, Seed = 5, MinAcceptanceRate = 0.02 });
        var p = result.Posterior;
        p.Tolerance.ShouldBeLessThan(0.02, "the tolerance must be small against the posterior sd 0.22");
        var (mean, variance) = Moments(p, 0);
        double ess = p.EffectiveSampleSize;
        double seMean = Math.Sqrt(postVar / ess), seVar = postVar * Math.Sqrt(2 / ess);
        double windowBias = p.Tolerance * p.Tolerance / 3; // a uniform window of half-width ε on the mean adds at most ε²/3
        mean.ShouldBe(postMean, (4 * seMean) + p.Tolerance);
        variance.ShouldBe(postVar, (4 * seVar) + windowBias);
        var summary = p.Summarize().Single();
        summary.Median.ShouldBe(postMean, (5 * seMean) + p.Tolerance);
        summary.Lower.ShouldBeLessThan(summary.Median);
        summary.Upper.ShouldBeGreaterThan(summary.Median);
    }

    [Test]
    public void TwoParameters_MatchMeansVariancesAndCorrelation_OfTheExactPosterior()
    {
        double y1 = 1.0, y2 = 0.2, noise = 0.25;
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 1 }, { 1, 0 } });
        var precision = Matrix<double>.Build.DenseIdentity(2) + (a.Transpose() * a / noise);
        var cov = precision.Inverse();
        var mean = cov * (a.Transpose() * Vector<double>.Build.Dense([y1, y2]) / noise);
        var result = AbcSmc.Run(new Linear2(y1, y2), new AbcOptions { Particles = 3000, Generations = 14, Seed = 9, MinAcceptanceRate = 0.01 });
        var p = result.Posterior;
        p.Tolerance.ShouldBeLessThan(0.2);
        double ess = p.EffectiveSampleSize;
        double bias = p.Tolerance * p.Tolerance; // the ball of radius ε widens the likelihood by at most ε² per coordinate
        var moments = new (double Mean, double Variance)[2];
        for (int j = 0; j < 2; j++)
        {
            moments[j] = Moments(p, j);
            moments[j].Mean.ShouldBe(mean[j], (4 * Math.Sqrt(cov[j, j] / ess)) + p.Tolerance, $"mean of {p.ParameterNames[j]}");
            moments[j].Variance.ShouldBe(cov[j, j], (4 * cov[j, j] * Math.Sqrt(2 / ess)) + bias, $"variance of {p.ParameterNames[j]}");
        }

        double c = 0;
        for (int i = 0; i < p.Count; i++)
        {
            c += p.Weights[i] * (p[i, 0] - moments[0].Mean) * (p[i, 1] - moments[1].Mean);
        }

        double correlation = c / Math.Sqrt(moments[0].Variance * moments[1].Variance);
        p.Correlation(0, 1).ShouldBe(correlation, 1e-12);
        p.Correlation(1, 1).ShouldBe(1, 1e-12);
        double exact = cov[0, 1] / Math.Sqrt(cov[0, 0] * cov[1, 1]);
        exact.ShouldBeLessThan(-0.5, "the test model has a strongly correlated posterior");
        correlation.ShouldBe(exact, (4 * (1 - (exact * exact)) / Math.Sqrt(ess)) + 0.05); // SE of r ≈ (1 − ρ²)/√n; 0.05 for the ε ball
    }

    /// <summary>x ~ log-uniform[10⁻³, 10³], y ~ N(log x, 0.5²): the posterior of log x is N(y, 0.25) (the prior is flat in log x).</summary>
    private sealed class LogScale(double observed) : IAbcModel
    {
        public IReadOnlyList<ExperimentParameter> Parameters { get; } = [new ExperimentParameter { Name = "x", Lower = 1e-3, Upper = 1e3, Distribution = ParameterDistribution.LogUniform }];

        public IAbcSimulator CreateSimulator() => new Simulator(observed);

        private sealed class Simulator(double observed) : IAbcSimulator
        {
            private readonly RandomStream _random = new(0);

            public double Distance(ReadOnlySpan<double> theta, ulong seed, long index, double tolerance)
            {
                _random.Reset(seed, index, StreamKeys.Dynamics);
                return Math.Abs(Math.Log(theta[0]) + (0.5 * _random.NextStandardNormal()) - observed);
            }
        }
    }

    [Test]
    public void ALogUniformPrior_IsExploredOnTheLogScale_WithoutWeightCollapse()
    {
        var p = AbcSmc.Run(new LogScale(1.0), new AbcOptions { Particles = 3000, Generations = 10, Seed = 12, MinAcceptanceRate = 0.02 }).Posterior;
        double mean = 0, variance = 0;
        for (int i = 0; i < p.Count; i++)
        {
            mean += p.Weights[i] * Math.Log(p[i, 0]);
        }

        for (int i = 0; i < p.Count; i++)
        {
            variance += p.Weights[i] * (Math.Log(p[i, 0]) - mean) * (Math.Log(p[i, 0]) - mean);
        }

        p.EffectiveSampleSize.ShouldBeGreaterThan(p.Count / 3.0, "weights must not collapse across orders of magnitude");
        double ess = p.EffectiveSampleSize;
        mean.ShouldBe(1.0, (4 * Math.Sqrt(0.25 / ess)) + p.Tolerance);
        variance.ShouldBe(0.25, (4 * 0.25 * Math.Sqrt(2 / ess)) + (p.Tolerance * p.Tolerance));
    }

    [Test]
    public void Populations_AreIdentical_WhateverTheThreads()
    {
        var model = new Linear2(1.0, 0.2);
        var one = AbcSmc.Run(model, new AbcOptions { Particles = 300, Generations = 4, Seed = 3, MaxDegreeOfParallelism = 1 }).Posterior;
        var four = AbcSmc.Run(model, new AbcOptions { Particles = 300, Generations = 4, Seed = 3, MaxDegreeOfParallelism = 4 }).Posterior;
        four.Values.ShouldBe(one.Values);
        four.Weights.ShouldBe(one.Weights);
        four.Distances.ShouldBe(one.Distances);
        four.Simulations.ShouldBe(one.Simulations);
        var other = AbcSmc.Run(model, new AbcOptions { Particles = 300, Generations = 4, Seed = 4 }).Posterior;
        other.Values.ShouldNotBe(one.Values);
    }

    [Test]
    public void Resuming_FromASavedGeneration_GivesTheUninterruptedResult()
    {
        var model = new Linear2(1.0, 0.2);
        var options = new AbcOptions { Particles = 200, Generations = 5, Seed = 8 };
        var saved = new List<byte[]>();
        var whole = AbcSmc.Run(model, options, onGeneration: p =>
        {
            using var m = new MemoryStream();
            p.WriteTo(m);
            saved.Add(m.ToArray());
        });
        saved.Count.ShouldBe(5);
        var second = AbcPopulation.ReadFrom(new MemoryStream(saved[1]));
        second.Generation.ShouldBe(1);
        var resumed = AbcSmc.Run(model, options, resumeFrom: second);
        resumed.Posterior.Values.ShouldBe(whole.Posterior.Values);
        resumed.Posterior.Weights.ShouldBe(whole.Posterior.Weights);
        resumed.Generations.Select(g => g.Generation).ShouldBe([1, 2, 3, 4]);
        Should.Throw<ArgumentException>(() => AbcSmc.Run(model, new AbcOptions { Particles = 100, Generations = 5, Seed = 8 }, resumeFrom: second))
            .Message.ShouldContain("200 particles");
    }

    [Test]
    public void AnySplitOfAGenerationsSlots_AssemblesToThatGeneration_BitForBit()
    {
        var model = new Linear2(1.0, 0.2);
        var options = new AbcOptions { Particles = 120, Generations = 3, Seed = 5 };
        var gens = new List<AbcPopulation>();
        AbcSmc.Run(model, options, onGeneration: gens.Add);

        static AbcSlots ThroughAFile(AbcSlots slots)
        {
            using var m = new MemoryStream();
            slots.WriteTo(m);
            m.Position = 0;
            return AbcSlots.ReadFrom(m);
        }

        var g0 = AbcSmc.Assemble(model, options, null, [AbcSmc.RunSlots(model, options, null, 70, 50), AbcSmc.RunSlots(model, options, null, 0, 70)])!;
        g0.Values.ShouldBe(gens[0].Values);
        g0.Distances.ShouldBe(gens[0].Distances);
        var parts = new[] { (0, 7), (7, 100), (107, 13) }.Reverse().Select(r => ThroughAFile(AbcSmc.RunSlots(model, options, gens[1], r.Item1, r.Item2, null))).ToArray();
        var g2 = AbcSmc.Assemble(model, options, gens[1], parts)!;
        g2.Generation.ShouldBe(2);
        g2.Values.ShouldBe(gens[2].Values);
        g2.Weights.ShouldBe(gens[2].Weights);
        g2.Distances.ShouldBe(gens[2].Distances);
        g2.Simulations.ShouldBe(gens[2].Simulations);
        g2.Tolerance.ShouldBe(gens[2].Tolerance);

        Should.Throw<ArgumentException>(() => AbcSmc.Assemble(model, options, gens[1], [parts[0], parts[2]])).Message.ShouldContain("Slots [7, 107) are missing.");
        Should.Throw<ArgumentException>(() => AbcSmc.Assemble(model, options, gens[1], [.. parts, AbcSmc.RunSlots(model, options, gens[1], 100, 10)])).Message.ShouldContain("overlap");
        Should.Throw<ArgumentException>(() => AbcSmc.Assemble(model, options, gens[0], parts)).Message.ShouldContain("generation 1");
        Should.Throw<ArgumentException>(() => AbcSmc.RunSlots(model, options, gens[1], 110, 20)).Message.ShouldContain("outside [0, 120)");
    }

    [Test]
    public void TolerancesShrink_AndEveryParticleIsWithinItsGenerationsTolerance()
    {
        var gens = new List<AbcPopulation>();
        AbcSmc.Run(new NormalMean(0.5, 10), new AbcOptions { Particles = 500, Generations = 6, Seed = 2 }, onGeneration: gens.Add);
        for (int t = 1; t < gens.Count; t++)
        {
            gens[t].Tolerance.ShouldBeLessThanOrEqualTo(gens[t - 1].Tolerance);
            gens[t].Distances.ShouldAllBe(x => x <= gens[t].Tolerance);
        }

        double.IsPositiveInfinity(gens[0].Tolerance).ShouldBeTrue();
        gens[^1].Tolerance.ShouldBeLessThan(gens[1].Tolerance / 4);
    }

    [Test]
    public void AnImpossibleTarget_StopsAsExhausted_KeepingTheLastFullGeneration()
    {
        // The distance is never below 1: after the prior every proposal fails, and the prior is the result.
        var model = new ConstantDistance();
        var result = AbcSmc.Run(model, new AbcOptions { Particles = 20, Generations = 3, MinAcceptanceRate = 0.5 });
        result.StopReason.ShouldBe(AbcStopReason.Generations); // ε = quantile of equal distances: every proposal is accepted
        var impossible = AbcSmc.Run(new SteppedDistance(), new AbcOptions { Particles = 20, Generations = 3, MinAcceptanceRate = 0.5 });
        impossible.StopReason.ShouldBe(AbcStopReason.Exhausted);
        impossible.Posterior.Generation.ShouldBe(0);
    }

    [Test]
    public void BadOptions_AreListedTogether()
    {
        var e = Should.Throw<ArgumentException>(() => AbcSmc.Run(new NormalMean(0, 1), new AbcOptions { Particles = 3, Quantile = 1.5, MinAcceptanceRate = double.NaN }));
        e.Message.ShouldContain("Particles must be in [10, 10000000]; got 3");
        e.Message.ShouldContain("Quantile must be in (0, 1); got 1.5");
        e.Message.ShouldContain("MinAcceptanceRate must be in (0, 1]; got NaN");
    }

    private sealed class ConstantDistance : IAbcModel
    {
        public IReadOnlyList<ExperimentParameter> Parameters { get; } = [ExperimentParameter.Uniform("x", 0, 1)];

        public IAbcSimulator CreateSimulator() => new Sim();

        private sealed class Sim : IAbcSimulator
        {
            public double Distance(ReadOnlySpan<double> theta, ulong seed, long index, double tolerance) => 1.0;
        }
    }

    /// <summary>Distance 1 in the prior generation, 2 afterwards: nothing after the prior can be accepted.</summary>
    private sealed class SteppedDistance : IAbcModel
    {
        private int _calls;

        public IReadOnlyList<ExperimentParameter> Parameters { get; } = [ExperimentParameter.Uniform("x", 0, 1)];

        public IAbcSimulator CreateSimulator() => new Sim(this);

        private sealed class Sim(SteppedDistance owner) : IAbcSimulator
        {
            public double Distance(ReadOnlySpan<double> theta, ulong seed, long index, double tolerance) => Interlocked.Increment(ref owner._calls) <= 20 ? 1.0 : 2.0;
        }
    }
}
