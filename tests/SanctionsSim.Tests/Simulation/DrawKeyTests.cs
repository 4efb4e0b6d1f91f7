using SanctionsSim.Intrinsics;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Draws;

namespace SanctionsSim.Tests.Simulation;

/// <summary>The draw keys are collision-free by construction over every range a scenario allows.</summary>
public class DrawKeyTests
{
    private static readonly DrawPurpose[] Purposes = Enum.GetValues<DrawPurpose>();

    [Test]
    public void PackedRanges_CoverEverythingAScenarioAllows()
    {
        // weeks: at most 10,000 (ScenarioValidator) < 2^16; officers, and so factions, at most MaxOfficers < 2^40
        (1 << DrawKey.WeekBits).ShouldBeGreaterThan(10_000);
        (1L << DrawKey.IndexBits).ShouldBeGreaterThan(ScenarioValidator.MaxOfficers);
        foreach (DrawPurpose p in Purposes)
        {
            ((int)p).ShouldBeInRange(1, 255); // fits the top 8 bits, never 0 so no purpose aliases "no purpose"
        }

        (DrawKey.IndexBits + DrawKey.WeekBits + 8).ShouldBe(64);
    }

    [Test]
    public void Counter_IsInjective_RoundTripsAtTheCornersOfEveryField()
    {
        int[] weeks = [0, 1, 51, 9_999, (1 << DrawKey.WeekBits) - 1];
        long[] indices = [0, 1, 3_999, ScenarioValidator.MaxOfficers - 1, (1L << DrawKey.IndexBits) - 1];
        var seen = new HashSet<ulong>();
        foreach (DrawPurpose p in Purposes)
        {
            foreach (int w in weeks)
            {
                foreach (long i in indices)
                {
                    ulong n = DrawKey.Counter(p, w, i);
                    ((DrawPurpose)(n >> 56)).ShouldBe(p);
                    ((int)((n >> DrawKey.IndexBits) & 0xFFFF)).ShouldBe(w);
                    ((long)(n & ((1UL << DrawKey.IndexBits) - 1))).ShouldBe(i);
                    seen.Add(n).ShouldBeTrue();
                }
            }
        }
    }

    [Test]
    public void MixerInput_IsABijectionOfTheCounter()
    {
        // γ odd ⇒ invertible mod 2^64; recover n from key + n·γ for arbitrary keys and counters
        (DrawKey.Gamma & 1).ShouldBe(1UL);
        ulong inverse = ModularInverse(DrawKey.Gamma);
        unchecked
        {
            (inverse * DrawKey.Gamma).ShouldBe(1UL);
            var random = new RandomStream(7, 0, StreamKeys.Dynamics);
            for (int t = 0; t < 10_000; t++)
            {
                ulong key = random.NextUInt64(), n = random.NextUInt64();
                ((DrawKey.MixerInput(key, n) - key) * inverse).ShouldBe(n);
            }
        }
    }

    [Test]
    public void EveryDrawOfAPresetSizedReplication_HasItsOwnMixerInput()
    {
        // exhaustive over 7 purposes × 52 weeks × 4,000 indices (the Venezuela preset's officers): 1.46 million names
        ulong key = DrawKey.ForReplication(2019, 3);
        var inputs = new HashSet<ulong>();
        foreach (DrawPurpose p in Purposes)
        {
            for (int w = 0; w < 52; w++)
            {
                for (int i = 0; i < 4_000; i++)
                {
                    inputs.Add(DrawKey.MixerInput(key, DrawKey.Counter(p, w, i))).ShouldBeTrue();
                }
            }
        }

        inputs.Count.ShouldBe(Purposes.Length * 52 * 4_000);
    }

    [Test]
    public void DecisionAndDetection_NoLongerShareDraws()
    {
        // the old layout gave officer 8w+1's detection in week w' the uniform of officer 8w'+2's decision in week w
        ulong key = DrawKey.ForReplication(1, 0);
        for (int w = 0; w < 52; w++)
        {
            for (int w2 = 0; w2 < 52; w2++)
            {
                DrawKey.Bits(key, DrawPurpose.Decision, w, (8 * w2) + 2).ShouldNotBe(DrawKey.Bits(key, DrawPurpose.Detection, w2, (8 * w) + 1));
            }
        }
    }

    [Test]
    public void Rows_GiveTheSameBitsAsTheKeyFunction_OneByOneAndFourAtATime()
    {
        ulong key = DrawKey.ForReplication(42, 17);
        foreach (DrawPurpose p in Purposes)
        {
            foreach (int w in new[] { 0, 13, 9_999 })
            {
                DrawRow row = DrawKey.Row(key, p, w);
                foreach (int i in new[] { 0, 1, 2, 3, 4, 1_001, 3_996, 4_999_996 })
                {
                    row.Bits(i).ShouldBe(DrawKey.Bits(key, p, w, i));
                    var four = SplitMix64.Mix4(row.Start, DrawKey.Gamma, SplitMix64.LaneSteps(DrawKey.Gamma), i);
                    for (int lane = 0; lane < 4; lane++)
                    {
                        four[lane].ShouldBe(DrawKey.Bits(key, p, w, i + lane));
                    }
                }
            }
        }
    }

    [Test]
    public void Uniforms_AreUniform_ChiSquareOverTwentyBins()
    {
        // a fixed-seed goodness-of-fit check of the draws one kernel week reads (4,000 officers × 52 weeks)
        ulong key = DrawKey.ForReplication(5, 5);
        var bins = new long[20];
        int total = 0;
        for (int w = 0; w < 52; w++)
        {
            for (int i = 0; i < 4_000; i++)
            {
                bins[(int)(DrawKey.Uniform(key, DrawPurpose.Decision, w, i) * 20)]++;
                total++;
            }
        }

        double expected = total / 20.0;
        double chi2 = bins.Sum(b => (b - expected) * (b - expected) / expected);
        // 19 degrees of freedom: the 99.9th percentile is 43.8
        chi2.ShouldBeLessThan(MathNet.Numerics.Distributions.ChiSquared.InvCDF(19, 0.999));
    }

    private static ulong ModularInverse(ulong a)
    {
        // Newton's iteration x ← x(2 − a x) doubles the correct low bits each step
        ulong x = a;
        unchecked
        {
            for (int k = 0; k < 6; k++)
            {
                x *= 2 - (a * x);
            }
        }

        return x;
    }
}
