using MathNet.Numerics.Distributions;

namespace SanctionsSim.Analysis;

/// <summary>
/// Scenario discovery by PRIM, the patient rule induction method (Friedman &amp; Fisher 1999), as robust decision making
/// uses it (Bryant &amp; Lempert 2010; the EMA Workbench): over points of uncertain inputs, each a case of interest or not
/// (for example "the policy fails"), find boxes (limits on a few inputs) where the cases of interest concentrate.
/// docs/policy-design.md gives the method.
/// </summary>
/// <remarks>
/// Peeling starts from the box of all points and repeatedly removes the α share of the box's points at one end of one
/// input, choosing the peel that leaves the highest density (ties: the larger box, then the lower input index, lower end
/// first), until the next box would hold less than the minimum mass or the density reaches 1. Each box on the
/// trajectory trades coverage for density; <see cref="PrimResult.Choose"/> picks one. Deterministic: no randomness.
/// No maintained .NET implementation of PRIM exists; the binomial tail of the quasi-p-values comes from MathNet.Numerics.
/// </remarks>
public static class Prim
{
    /// <summary>Peels boxes over the points.</summary>
    /// <param name="names">The inputs' names.</param>
    /// <param name="inputs">The points: one row per point, one value per input (finite).</param>
    /// <param name="isCase">Whether each point is a case of interest.</param>
    /// <param name="options">α and the minimum mass; null for the defaults.</param>
    /// <returns>The peeling trajectory.</returns>
    /// <exception cref="ArgumentException">The rows and labels disagree in number, a row has the wrong length or a non-finite value, there are no points, no cases of interest, or the options are invalid.</exception>
    public static PrimResult Peel(IReadOnlyList<string> names, IReadOnlyList<double[]> inputs, IReadOnlyList<bool> isCase, PrimOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(isCase);
        options ??= new PrimOptions();
        options.Validate();
        int n = inputs.Count, d = names.Count;
        if (n == 0 || isCase.Count != n)
        {
            throw new ArgumentException($"PRIM needs at least one point and one label per point; got {n} points and {isCase.Count} labels.", nameof(isCase));
        }

        for (int i = 0; i < n; i++)
        {
            if (inputs[i] is null || inputs[i].Length != d || inputs[i].Any(v => !double.IsFinite(v)))
            {
                throw new ArgumentException($"Point {i} must have {d} finite values ({string.Join(", ", names)}).", nameof(inputs));
            }
        }

        int totalCases = isCase.Count(c => c);
        if (totalCases == 0)
        {
            throw new ArgumentException("No point is a case of interest: there is nothing to find a box for.", nameof(isCase));
        }

        var lower = new double[d];
        var upper = new double[d];
        for (int j = 0; j < d; j++)
        {
            lower[j] = inputs.Min(x => x[j]);
            upper[j] = inputs.Max(x => x[j]);
        }

        var dataLower = (double[])lower.Clone();
        var dataUpper = (double[])upper.Clone();
        var inBox = Enumerable.Range(0, n).ToList();
        var trajectory = new List<PrimBox> { Box(0, names, inputs, isCase, inBox, lower, upper, dataLower, dataUpper, totalCases, n) };
        int minPoints = (int)Math.Ceiling(options.MinMass * n);
        var values = new double[n];
        while (true)
        {
            int cases = inBox.Count(i => isCase[i]);
            if (cases == inBox.Count)
            {
                break; // density 1
            }

            (double Density, int Points, int Input, bool Low, double Limit)? best = null;
            for (int j = 0; j < d; j++)
            {
                int m = 0;
                foreach (int i in inBox)
                {
                    values[m++] = inputs[i][j];
                }

                Array.Sort(values, 0, m);
                for (int side = 0; side < 2; side++)
                {
                    bool low = side == 0;
                    int k = Math.Max(1, (int)Math.Floor(options.PeelAlpha * m)); // at least one point, so small boxes still peel
                    double limit = low ? values[Math.Min(k, m - 1)] : values[Math.Max(m - 1 - k, 0)];

                    // remove the points strictly beyond the limit (ties at the limit stay, so a peel never splits equal values)
                    int kept = 0, keptCases = 0;
                    foreach (int i in inBox)
                    {
                        double v = inputs[i][j];
                        if (low ? v >= limit : v <= limit)
                        {
                            kept++;
                            keptCases += isCase[i] ? 1 : 0;
                        }
                    }

                    if (kept == inBox.Count || kept < minPoints)
                    {
                        continue;
                    }

                    double density = (double)keptCases / kept;
                    if (best is null || density > best.Value.Density || (density == best.Value.Density && kept > best.Value.Points))
                    {
                        best = (density, kept, j, low, limit);
                    }
                }
            }

            if (best is not { } peel)
            {
                break;
            }

            if (peel.Low)
            {
                lower[peel.Input] = peel.Limit;
            }
            else
            {
                upper[peel.Input] = peel.Limit;
            }

            inBox = inBox.Where(i => peel.Low ? inputs[i][peel.Input] >= peel.Limit : inputs[i][peel.Input] <= peel.Limit).ToList();
            trajectory.Add(Box(trajectory.Count, names, inputs, isCase, inBox, lower, upper, dataLower, dataUpper, totalCases, n));
        }

        return new PrimResult(trajectory, n, totalCases);
    }

    private static PrimBox Box(int index, IReadOnlyList<string> names, IReadOnlyList<double[]> inputs, IReadOnlyList<bool> isCase, List<int> inBox, double[] lower, double[] upper, double[] dataLower, double[] dataUpper, int totalCases, int n)
    {
        int cases = inBox.Count(i => isCase[i]);
        var limits = new PrimRestriction[names.Count];
        for (int j = 0; j < names.Count; j++)
        {
            bool restricted = lower[j] > dataLower[j] || upper[j] < dataUpper[j];
            double p = double.NaN;
            if (restricted)
            {
                // the box without this input's limits: its density is the null hypothesis
                int pointsWithout = 0, casesWithout = 0;
                for (int i = 0; i < n; i++)
                {
                    bool inside = true;
                    for (int q = 0; q < names.Count && inside; q++)
                    {
                        inside = q == j || (inputs[i][q] >= lower[q] && inputs[i][q] <= upper[q]);
                    }

                    if (inside)
                    {
                        pointsWithout++;
                        casesWithout += isCase[i] ? 1 : 0;
                    }
                }

                double p0 = (double)casesWithout / pointsWithout;
                p = AtLeast(cases, inBox.Count, p0);
            }

            limits[j] = new PrimRestriction { Name = names[j], Lower = lower[j], Upper = upper[j], Restricted = restricted, PValue = p };
        }

        return new PrimBox
        {
            Index = index,
            Limits = limits,
            Points = inBox.Count,
            Cases = cases,
            Coverage = (double)cases / totalCases,
            Density = inBox.Count == 0 ? 0 : (double)cases / inBox.Count,
            Mass = (double)inBox.Count / n,
        };
    }

    /// <summary>
    /// P(X ≥ k) for X ~ Binomial(n, p), as the regularized incomplete beta I_p(k, n − k + 1): exact in the far tail, where
    /// 1 − CDF(k − 1) cancels to 0 below about 10⁻¹⁶ (the quasi-p-values of strong restrictions lie there).
    /// </summary>
    internal static double AtLeast(int k, int n, double p)
        => k <= 0 ? 1.0 : k > n ? 0.0 : MathNet.Numerics.SpecialFunctions.BetaRegularized(k, n - k + 1, p);
}
