using System.Numerics;
using System.Runtime.Intrinsics;
using SanctionsSim.Simulation.Actors;
using SanctionsSim.Simulation.Decision;

namespace SanctionsSim.Simulation.Kernels;

/// <summary>
/// <see cref="ScalarDecisionKernel.Sweep"/> four officers at a time, with the same choices in the same order:
/// 1. in vector registers, each officer's x = Δ/τ on the group coefficients (the same operations in the same
///    order as <see cref="DecisionRule.Delta"/>, so the same value), the decision draw, and the exponent test of
///    <see cref="LogitChoice.Chooses"/>, which only rejects. Loyal officers it passes (a few per replication) and
///    those whose P(fall) is their own are queued in index order;
/// 2. the queued officers get <see cref="ScalarDecisionKernel.Chooses"/>.
/// The sweep is most of a preset replication (208,000 officer-weeks).
/// </summary>
internal static class VectorDecisionKernel
{
    public static bool IsSupported => Vector256.IsHardwareAccelerated && Vector256<ulong>.Count == 4;

    /// <summary>Writes the loyal officers who attempt this week to <paramref name="choosers"/> in index order.</summary>
    /// <param name="input">The week's inputs (τ &gt; 0).</param>
    /// <param name="queue">Scratch, one slot per officer.</param>
    /// <param name="choosers">One slot per officer.</param>
    /// <returns>How many attempt.</returns>
    public static int Sweep(in DecisionInputs input, Span<int> queue, Span<int> choosers)
    {
        ReadOnlySpan<byte> state = input.State;
        ReadOnlySpan<double> assets = input.Assets, family = input.Family, loyalty = input.Loyalty;
        ReadOnlySpan<double> ties = input.Ties, defectedTies = input.DefectedTies;
        ReadOnlySpan<int> group = input.Group;
        DecisionCoefficients c = input.Coefficients;
        ReadOnlySpan<double> beta = c.Beta, gamma = c.Gamma;
        int n = state.Length;
        int queued = 0;
        var alphas = Vector256.Create(c.Alpha);
        var inverseTaus = Vector256.Create(c.InverseTau);
        var exponentBias = Vector256.Create(1023L + 53L);
        var ln2 = Vector256.Create(LogitChoice.Ln2);
        int i = 0;
        for (; i <= n - 4; i += 4)
        {
            int g0 = group[i], g1 = group[i + 1], g2 = group[i + 2], g3 = group[i + 3];
            var x = ((Vector256.Create(assets.Slice(i, 4)) * Vector256.Create(beta[g0], beta[g1], beta[g2], beta[g3]))
                     + Vector256.Create(gamma[g0], gamma[g1], gamma[g2], gamma[g3])
                     - (Vector256.Create(family.Slice(i, 4)) * alphas)
                     - Vector256.Create(loyalty.Slice(i, 4))) * inverseTaus;
            var mantissa = (input.Draws.Bits4(i) >>> 11) + Vector256<ulong>.One;                              // in [1, 2^53]: exact as a double
            var floorLog2 = (Vector256.ConvertToDouble(mantissa.AsInt64()).AsInt64() >>> 52) - exponentBias; // ⌊log₂ mantissa⌋ − 53
            var maybe = Vector256.GreaterThanOrEqual(x, Vector256.ConvertToDouble(floorLog2) * ln2);
            var own = Vector256.GreaterThan(Vector256.Create(defectedTies.Slice(i, 4)), Vector256<double>.Zero)
                      | Vector256.LessThanOrEqual(Vector256.Create(ties.Slice(i, 4)), Vector256<double>.Zero);
            uint lanes = (maybe | own).ExtractMostSignificantBits();
            while (lanes != 0)
            {
                int k = i + BitOperations.TrailingZeroCount(lanes);
                lanes &= lanes - 1;
                queue[queued] = k;
                queued += state[k] == OfficerCorps.Loyal ? 1 : 0;
            }
        }

        for (; i < n; i++)
        {
            queue[queued] = i;
            queued += state[i] == OfficerCorps.Loyal ? 1 : 0; // the tail: the scalar choice looks at each of them
        }

        int count = 0;
        for (int k = 0; k < queued; k++)
        {
            int officer = queue[k];
            if (ScalarDecisionKernel.Chooses(in input, officer))
            {
                choosers[count++] = officer;
            }
        }

        return count;
    }
}
