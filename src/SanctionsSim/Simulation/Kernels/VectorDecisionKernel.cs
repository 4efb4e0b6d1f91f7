using SanctionsSim.Intrinsics;
using SanctionsSim.Simulation.Actors;
using SanctionsSim.Simulation.Draws;
using SanctionsSim.Simulation.Decision;

namespace SanctionsSim.Simulation.Kernels;

/// <summary>
/// <see cref="ScalarDecisionKernel.Sweep"/> four officers at a time, with the same choices in the same order:
/// 1. <see cref="LogitScreen"/>, in vector registers: each officer's x = Δ/τ on the group coefficients (the same
///    operations in the same order as <see cref="DecisionRule.Delta"/>, so the same value), the decision draw, and
///    the exponent test of <see cref="LogitChoice.Chooses"/>, which only rejects. Loyal officers it passes (a few per
///    replication) and those whose P(fall) is their own are queued in index order;
/// 2. the queued officers get <see cref="ScalarDecisionKernel.Chooses"/>.
/// The sweep is most of a preset replication (208,000 officer-weeks).
/// </summary>
internal static class VectorDecisionKernel
{
    public static bool IsSupported => LogitScreen.IsAccelerated;

    /// <summary>Writes the loyal officers who attempt this week to <paramref name="choosers"/> in index order.</summary>
    /// <param name="input">The week's inputs (τ &gt; 0).</param>
    /// <param name="queue">Scratch, one slot per officer.</param>
    /// <param name="choosers">One slot per officer.</param>
    /// <returns>How many attempt.</returns>
    public static int Sweep(in DecisionInputs input, Span<int> queue, Span<int> choosers)
    {
        DecisionCoefficients c = input.Coefficients;
        var screen = new ScreenInputs
        {
            State = input.State,
            Candidate = OfficerCorps.Loyal,
            Assets = input.Assets,
            Family = input.Family,
            Loyalty = input.Loyalty,
            Ties = input.Ties,
            DefectedTies = input.DefectedTies,
            Group = input.Group,
            Beta = c.Beta,
            Gamma = c.Gamma,
            Alpha = c.Alpha,
            InverseTau = c.InverseTau,
            DrawStart = input.Draws.Start,
            DrawStep = DrawKey.Gamma,
        };
        int queued = LogitScreen.Screen(in screen, queue, vector: true);
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
