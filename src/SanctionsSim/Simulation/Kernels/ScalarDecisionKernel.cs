using System.Runtime.CompilerServices;
using SanctionsSim.Simulation.Actors;
using SanctionsSim.Simulation.Decision;

namespace SanctionsSim.Simulation.Kernels;

/// <summary>The decision kernel one officer at a time: the reference for <see cref="VectorDecisionKernel"/>, and the path on hardware without 256-bit vectors.</summary>
internal static class ScalarDecisionKernel
{
    /// <summary>Whether loyal officer <paramref name="i"/> attempts to defect this week.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Chooses(in DecisionInputs input, int i)
    {
        DecisionCoefficients c = input.Coefficients;
        int g = input.Group[i];
        double gamma, alpha;
        if (DecisionRule.HasOwnFall(input.DefectedTies[i], input.Ties[i]))
        {
            c.OwnFall(g, input.DefectedTies[i], input.Ties[i], out gamma, out alpha);
        }
        else
        {
            gamma = c.Gamma[g];
            alpha = c.Alpha;
        }

        double delta = DecisionRule.Delta(input.Assets[i], input.Family[i], input.Loyalty[i], c.Beta[g], gamma, alpha);
        if (c.HasOfficerTerms)
        {
            delta += OfficerTerms(in input, i, g);
        }
        if (c.ZeroNoise)
        {
            return delta >= 0;
        }

        double x = delta * c.InverseTau;
        return x >= LogitChoice.Hopeless && LogitChoice.Chooses(x, input.Draws.Bits(i));
    }

    /// <summary>The officer's own terms of Δ beyond the group's coefficients: the conditional amnesty at his own P(fall) and belief (Eq. 20–22).</summary>
    public static double OfficerTerms(in DecisionInputs input, int i, int g)
    {
        DecisionCoefficients c = input.Coefficients;
        double ties = input.Ties[i], defected = input.DefectedTies[i];
        double fall = DecisionRule.HasOwnFall(defected, ties) ? DecisionRule.OwnFall(defected, ties, in c.Terms) : c.Terms.SharedFall;
        return c.AmnestyTerm(g, fall, defected, input.PurgedTies.IsEmpty ? 0 : input.PurgedTies[i]);
    }

    /// <summary>Every loyal officer's choice; writes those who attempt to <paramref name="choosers"/> in index order.</summary>
    /// <returns>How many attempt.</returns>
    public static int Sweep(in DecisionInputs input, Span<int> choosers)
    {
        ReadOnlySpan<byte> state = input.State;
        int count = 0;
        for (int i = 0; i < state.Length; i++)
        {
            if (state[i] == OfficerCorps.Loyal && Chooses(in input, i))
            {
                choosers[count++] = i;
            }
        }

        return count;
    }
}
