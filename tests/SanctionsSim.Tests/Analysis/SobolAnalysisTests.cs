using SanctionsSim.Analysis;
using SanctionsSim.Experiments;

namespace SanctionsSim.Tests.Analysis;

public class SobolAnalysisTests
{
    private static readonly ExperimentParameter[] Cube =
    [
        new() { Name = "x1", Lower = -Math.PI, Upper = Math.PI },
        new() { Name = "x2", Lower = -Math.PI, Upper = Math.PI },
        new() { Name = "x3", Lower = -Math.PI, Upper = Math.PI },
    ];

    [Test]
    public void Ishigami_MatchesTheAnalyticIndices_WithinTheirBootstrapIntervals()
    {
        var indices = SobolAnalysis.Analyze(x => SobolAnalysis.Ishigami(x), Cube, samples: 8192, seed: 1, bootstrap: 300);
        double[] first = [0.3139, 0.4424, 0.0];
        double[] total = [0.5576, 0.4424, 0.2437];
        for (int i = 0; i < 3; i++)
        {
            var s = indices[i];
            // the interval half-width is the tolerance (plus a small allowance for the interval's own noise)
            Math.Abs(s.First - first[i]).ShouldBeLessThan((2 * s.FirstInterval.HalfWidth) + 0.01, s.Name);
            Math.Abs(s.Total - total[i]).ShouldBeLessThan((2 * s.TotalInterval.HalfWidth) + 0.01, s.Name);
            s.FirstInterval.HalfWidth.ShouldBeLessThan(0.1);
        }
    }

    [Test]
    public void SobolG_RanksInputsByTheirCoefficients_AndMatchesClosedForm()
    {
        double[] a = [0, 1, 4.5, 9, 99];
        var parameters = a.Select((_, i) => new ExperimentParameter { Name = "x" + i, Lower = 0, Upper = 1 }).ToArray();
        var indices = SobolAnalysis.Analyze(x => SobolAnalysis.SobolG(x, a), parameters, samples: 8192, seed: 2, bootstrap: 200);
        // V_i = 1 / (3 (1 + a_i)^2), V = Π(1 + V_i) − 1
        double[] vi = a.Select(ai => 1.0 / (3 * (1 + ai) * (1 + ai))).ToArray();
        double v = vi.Aggregate(1.0, (p, x) => p * (1 + x)) - 1;
        for (int i = 0; i < a.Length; i++)
        {
            Math.Abs(indices[i].First - (vi[i] / v)).ShouldBeLessThan((2 * indices[i].FirstInterval.HalfWidth) + 0.01, indices[i].Name);
        }

        indices[0].Total.ShouldBeGreaterThan(indices[1].Total);
        indices[1].Total.ShouldBeGreaterThan(indices[2].Total);
    }

    [Test]
    public void Analyze_BadArguments_Throw()
    {
        Should.Throw<ArgumentException>(() => SobolAnalysis.Analyze(x => x[0], [new ExperimentParameter { Name = "a", Lower = 1, Upper = 1 }], 100)).Message.ShouldContain("upper > lower");
        Should.Throw<ArgumentException>(() => SobolAnalysis.Analyze(x => double.NaN, [new ExperimentParameter { Name = "a", Lower = 0, Upper = 1 }], 100)).Message.ShouldContain("NaN");
        Should.Throw<ArgumentOutOfRangeException>(() => SobolAnalysis.Analyze(x => x[0], [new ExperimentParameter { Name = "a", Lower = 0, Upper = 1 }], 3));
    }
}
