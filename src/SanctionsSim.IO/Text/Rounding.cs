using System.Globalization;

namespace SanctionsSim.IO.Text;

/// <summary>
/// Numbers as a person reads them, rounded to the precision the run supports: one rule, here only. An estimate and its
/// interval are shown to the decimal place of the first significant digit of the estimate's standard error
/// (standard error 0.0123 → two decimals; 3.4 → none; 0.00036 → four): further digits would change from one batch to
/// the next. Never an exponent: a tiny probability is a percentage with enough decimals ("0.0089 %") and "about 1 in …".
/// </summary>
internal static class Rounding
{
    /// <summary>The most decimals ever shown.</summary>
    public const int MaxDecimals = 10;

    /// <summary>The decimals a standard error supports: the place of its first significant digit (0 for 1 or more); <paramref name="fallback"/> when it is 0, negative or not finite.</summary>
    public static int Decimals(double standardError, int fallback = 1)
    {
        if (!double.IsFinite(standardError) || standardError <= 0)
        {
            return fallback;
        }

        return Math.Clamp(-(int)Math.Floor(Math.Log10(standardError)), 0, MaxDecimals);
    }

    /// <summary>The decimals of an estimate with this standard error and interval (the interval's quarter width when the error is 0 or unknown).</summary>
    public static int Decimals(double standardError, double lower, double upper) => Decimals(Effective(standardError, lower, upper), SignificantDecimals(Math.Max(Math.Abs(lower), Math.Abs(upper))));

    /// <summary>A value to a number of decimals, with thousands separators, no "-0".</summary>
    public static string Fixed(double value, int decimals)
    {
        if (double.IsNaN(value))
        {
            return "—";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "-∞";
        }

        string text = value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return text.StartsWith('-') && text.Skip(1).All(ch => ch is '0' or '.' or ',') ? text[1..] : text;
    }

    /// <summary>An estimate rounded to what its standard error supports; with no error to go by (0: every run alike), four significant digits.</summary>
    public static string Number(double value, double standardError) => Fixed(value, Decimals(standardError, SignificantDecimals(value)));

    /// <summary>An estimate and its interval, "6.6 (6.5 to 6.7)"-style parts, rounded alike; an interval of no width shows four significant digits.</summary>
    public static (string Estimate, string Lower, string Upper) Interval(double value, double lower, double upper, double standardError)
    {
        int d = Decimals(Effective(standardError, lower, upper), SignificantDecimals(value));
        return (Fixed(value, d), Fixed(lower, d), Fixed(upper, d));
    }

    /// <summary>The decimals that show <paramref name="digits"/> significant digits of a value (1 for 0).</summary>
    public static int SignificantDecimals(double value, int digits = 4)
        => value == 0 || !double.IsFinite(value) ? 1 : Math.Clamp(digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, MaxDecimals);

    /// <summary>A probability as a percentage, "3.6 %", to the decimals its standard error supports.</summary>
    public static string Percent(double probability, double standardError) => Fixed(probability * 100, Decimals(standardError * 100)) + " %";

    /// <summary>A probability and its interval as percentages rounded alike; a standard error of 0 (no run, or every run, collapsed) takes its precision from the interval.</summary>
    public static (string Estimate, string Lower, string Upper) Percent(double probability, double lower, double upper, double standardError)
    {
        int d = Decimals(Effective(standardError, lower, upper) * 100);
        return (Fixed(probability * 100, d) + " %", Fixed(lower * 100, d) + " %", Fixed(upper * 100, d) + " %");
    }

    /// <summary>A difference of probabilities in percentage points, signed: "+97.8 pp".</summary>
    public static string Points(double difference, double standardError) => Signed(difference * 100, Decimals(standardError * 100)) + " pp";

    /// <summary>A difference of probabilities and its interval in percentage points, signed and rounded alike.</summary>
    public static (string Estimate, string Lower, string Upper) Points(double difference, double lower, double upper, double standardError)
    {
        int d = Decimals(Effective(standardError, lower, upper) * 100);
        return (Signed(difference * 100, d) + " pp", Signed(lower * 100, d) + " pp", Signed(upper * 100, d) + " pp");
    }

    /// <summary>A signed difference and its interval, rounded alike: "+1.2", "-0.4".</summary>
    public static (string Estimate, string Lower, string Upper) SignedInterval(double difference, double lower, double upper, double standardError)
    {
        int d = Decimals(Effective(standardError, lower, upper));
        return (Signed(difference, d), Signed(lower, d), Signed(upper, d));
    }

    /// <summary>A value with its sign: "+3.1", "-0.4", "0.0".</summary>
    public static string Signed(double value, int decimals)
    {
        string text = Fixed(value, decimals);
        return text.StartsWith('-') || text.All(ch => ch is '0' or '.' or ',') || double.IsNaN(value) ? text : "+" + text;
    }

    /// <summary>"about 1 in 11,000" for a probability under 1 % (two significant digits), or null.</summary>
    public static string? OneIn(double probability)
    {
        if (!(probability > 0 && probability < 0.01))
        {
            return null;
        }

        double n = 1 / probability;
        double unit = Math.Pow(10, Math.Floor(Math.Log10(n)) - 1);
        return "about 1 in " + Fixed(Math.Round(n / unit) * unit, 0);
    }

    /// <summary>A value that is an input, not an estimate (a lever's setting), to a number of significant digits, trailing zeros dropped, never an exponent: 0.000012 → "0.000012", 1234.5 → "1,235".</summary>
    public static string Significant(double value, int digits = 4)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return Fixed(value, 0);
        }

        int decimals = Math.Clamp(digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, MaxDecimals);
        string text = Fixed(value, decimals);
        return text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    /// <summary>
    /// The standard error, or when it is 0 or unknown a quarter of the interval's width (about one standard error);
    /// an interval of no width (every draw alike, up to rounding) gives NaN, and so the fallback's one decimal.
    /// </summary>
    private static double Effective(double standardError, double lower, double upper)
    {
        if (standardError > 0 && double.IsFinite(standardError))
        {
            return standardError;
        }

        double quarter = (upper - lower) / 4;
        return quarter > 1e-9 * Math.Max(Math.Abs(lower), Math.Abs(upper)) ? quarter : double.NaN;
    }

    /// <summary>A number for a table; a "G" format (general, which switches to exponents) becomes that many significant digits in plain decimals.</summary>
    public static string Cell(double value, string format = "G6")
        => double.IsNaN(value) ? "—"
            : format.Length > 1 && format[0] == 'G' && int.TryParse(format.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int digits) ? Rounding.Significant(value, digits)
            : value.ToString(format, CultureInfo.InvariantCulture);
}
