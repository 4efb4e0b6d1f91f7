using System.Runtime.CompilerServices;

namespace SanctionsSim.MonteCarlo;

/// <summary>
/// The complementary error function by W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev
/// approximations for the error function", Mathematics of Computation 23, 1969, 631–638; the constants of his SPECFUN
/// routine CALERF for IEEE double), accurate to about 10⁻¹⁶ relative.
/// </summary>
/// <remarks>
/// MathNet.Numerics' <c>SpecialFunctions.Erfc</c> gives the same values (tests compare them to 10⁻¹³ relative) but
/// costs about 120 ns a call through its general polynomial evaluator; a replication read from random inputs
/// (<see cref="RandomInputs"/>) maps some 13,000 coordinates through Φ, so this inlined form (about 15 ns) halves
/// its cost.
/// </remarks>
internal static class Erfc
{
    private const double Threshold = 0.46875;
    private const double InvSqrtPi = 0.56418958354775628695;
    private const double Big = 26.543;

    /// <summary>erfc(x) = 1 − erf(x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(double x)
    {
        double y = Math.Abs(x);
        double result;
        if (y <= Threshold)
        {
            // erf on [0, 0.46875] by a rational function of x²
            double s = y * y;
            double num = ((((0.185777706184603153 * s) + 3.16112374387056560) * s + 113.864154151050156) * s + 377.485237685302021) * s + 3209.37758913846947;
            double den = (((s + 23.6012909523441209) * s + 244.024637934444173) * s + 1282.61652607737228) * s + 2844.23683343917062;
            return 1 - (x * num / den);
        }

        if (y <= 4)
        {
            double num = (((((((2.15311535474403846e-8 * y) + 0.564188496988670089) * y + 8.88314979438837594) * y + 66.1191906371416295) * y + 298.635138197400131) * y + 881.952221241769090) * y + 1712.04761263407058) * y + 2051.07837782607147;
            num = (num * y) + 1230.33935479799725;
            double den = (((((((y + 15.7449261107098347) * y + 117.693950891312499) * y + 537.181101862009858) * y + 1621.38957456669019) * y + 3290.79923573345963) * y + 4362.61909014324716) * y + 3439.36767414372164) * y + 1230.33935480374942;
            result = num / den;
        }
        else if (y >= Big)
        {
            result = 0;
        }
        else
        {
            double s = 1 / (y * y);
            double num = (((((0.0163153871373020978 * s) + 0.305326634961232344) * s + 0.360344899949804439) * s + 0.125781726111229246) * s + 0.0160837851487422766) * s + 6.58749161529837803e-4;
            double den = ((((s + 2.56852019228982242) * s + 1.87295284992346047) * s + 0.527905102951428412) * s + 0.0605183413124413191) * s + 0.00233520497626869185;
            result = (InvSqrtPi - (s * num / den)) / y;
        }

        if (result != 0)
        {
            // exp(−y²) split as exp(−r²)·exp(−(y − r)(y + r)) with r = y rounded down to 1/16, for accuracy
            double r = Math.Floor(y * 16) / 16;
            result *= Math.Exp(-r * r) * Math.Exp(-(y - r) * (y + r));
        }

        return x < 0 ? 2 - result : result;
    }
}
