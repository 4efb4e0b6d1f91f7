namespace SanctionsSim.MonteCarlo;

/// <summary>
/// Tables of the ziggurat method for the standard exponential distribution (Marsaglia &amp; Tsang 2000,
/// "The ziggurat method for generating random variables", J. Stat. Softw. 5(8)), 256 layers.
/// </summary>
/// <remarks>
/// MathNet.Numerics samples Exp(1) as −ln U, one logarithm per draw. Random-graph generation draws one
/// exponential per edge (geometric skipping), and there the logarithm was measured at about 20 ns, half the
/// cost of a whole Erdős–Rényi graph. The ziggurat returns from a table lookup and a multiplication in about
/// 99 % of draws and is exact (it samples the exponential distribution, not an approximation of it). Unlike the
/// original, the layer index and the abscissa come from disjoint bits of one 64-bit draw.
/// </remarks>
internal static class ExponentialZiggurat
{
    private const double R = 7.69711747013104972;       // start of the tail
    private const double Area = 3.949659822581572e-3;    // area of each layer
    internal static readonly ulong[] Ke = new ulong[256];
    internal static readonly double[] We = new double[256];
    private static readonly double[] Fe = new double[256];

    static ExponentialZiggurat()
    {
        const double m = 9007199254740992.0; // 2^53
        double de = R, te = R;
        double q = Area / Math.Exp(-de);
        Ke[0] = (ulong)(de / q * m);
        Ke[1] = 0;
        We[0] = q / m;
        We[255] = de / m;
        Fe[0] = 1.0;
        Fe[255] = Math.Exp(-de);
        for (int i = 254; i >= 1; i--)
        {
            de = -Math.Log((Area / de) + Math.Exp(-de));
            Ke[i + 1] = (ulong)(de / te * m);
            te = de;
            Fe[i] = Math.Exp(-de);
            We[i] = de / m;
        }
    }

    /// <summary>A standard exponential variate from the generator state (by reference: a class's field or a register-resident local copy).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static double Next(ref Xoshiro256 state)
    {
        ulong bits = state.Next();
        int layer = (int)(bits & 255);
        ulong j = bits >> 11;
        return j < Ke[layer] ? j * We[layer] : SampleSlow(ref state, layer, j);
    }

    /// <summary>Completes a draw whose first 64 bits <paramref name="bits"/> fell outside its layer's rectangle, drawing any further bits from <paramref name="source"/>: the same variate as <see cref="Next"/> for the same sequence.</summary>
    public static double CompleteSlow<TSource>(ref TSource source, ulong bits)
        where TSource : struct, IBitSource
        => SampleSlow(ref source, (int)(bits & 255), bits >> 11);

    /// <summary>The rare path (about 1 % of draws): the tail or the wedge of a layer, then further draws if rejected.</summary>
    private static double SampleSlow<TSource>(ref TSource state, int layer, ulong j)
        where TSource : struct, IBitSource
    {
        const double unit = 1.0 / (1UL << 53);
        while (true)
        {
            if (layer == 0)
            {
                return R - Math.Log(((state.Next() >> 11) + 1) * unit); // the tail beyond R, by memorylessness
            }

            double x = j * We[layer];
            if (Fe[layer] + ((state.Next() >> 11) * unit * (Fe[layer - 1] - Fe[layer])) < Math.Exp(-x))
            {
                return x;
            }

            ulong bits = state.Next();
            layer = (int)(bits & 255);
            j = bits >> 11;
            if (j < Ke[layer])
            {
                return j * We[layer];
            }
        }
    }
}

/// <summary>A source of uniformly random 64-bit words (a generator state, or a buffer of its output), for the ziggurats' rare paths.</summary>
internal interface IBitSource
{
    /// <summary>The next 64 random bits.</summary>
    ulong Next();
}
