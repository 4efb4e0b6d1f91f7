namespace SanctionsSim.Cascades;

/// <summary>
/// Kuran's model of revolutionary bandwagons ("Now out of never", World Politics 44:7, 1991; "Sparks and
/// prairie fires", Public Choice 61:41, 1989): person i opposes the regime publicly once the share of public
/// opposition reaches their revolutionary threshold θ_i (in percent). Public opposition settles at the smallest
/// fixed point of s = share{i : θ_i ≤ s}.
/// </summary>
internal static class Kuran
{
    /// <summary>The equilibrium share of public opposition, in percent, reached from zero.</summary>
    /// <param name="thresholdsPercent">θ_i in percent (each finite; 0 means opposing regardless).</param>
    /// <returns>The equilibrium share in percent.</returns>
    /// <exception cref="ArgumentException">The list is empty or holds NaN or an infinity.</exception>
    /// <example>Thresholds (0, 20, 20, 30, 40, 50, 50, 60, 70, 100) settle at 10 %; lowering one 20 to 10 moves the outcome to 90 %.</example>
    public static double Equilibrium(ReadOnlySpan<double> thresholdsPercent)
    {
        int n = thresholdsPercent.Length;
        if (n == 0)
        {
            throw new ArgumentException("At least one person is needed.", nameof(thresholdsPercent));
        }

        foreach (double t in thresholdsPercent)
        {
            if (!double.IsFinite(t))
            {
                throw new ArgumentException($"Thresholds must be finite; got {t}.", nameof(thresholdsPercent));
            }
        }

        int active = 0;
        while (true)
        {
            double share = 100.0 * active / n;
            int next = 0;
            foreach (double t in thresholdsPercent)
            {
                if (t <= share)
                {
                    next++;
                }
            }

            if (next == active)
            {
                return share;
            }

            active = next;
        }
    }
}
