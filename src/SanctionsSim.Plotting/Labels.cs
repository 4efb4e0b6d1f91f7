using System.Globalization;

namespace SanctionsSim.Plotting;

/// <summary>Numbers and names on a chart as a person reads them: no exponents, senders as proper nouns.</summary>
internal static class Labels
{
    /// <summary>A value to <paramref name="digits"/> significant digits in plain decimal notation: 0.000101, not 1.01E-04.</summary>
    public static string Number(double value, int digits = 3)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return double.IsNaN(value) ? "—" : value.ToString("0", CultureInfo.InvariantCulture);
        }

        int place = digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(value)));
        if (place < 0)
        {
            double unit = Math.Pow(10, -place);
            value = Math.Round(value / unit) * unit; // 12,345.6 to three digits: 12,300
        }

        int decimals = Math.Clamp(place, 0, 12);
        string text = Math.Round(value, decimals).ToString("#,0." + new string('#', Math.Max(decimals, 1)), CultureInfo.InvariantCulture);
        return text.EndsWith('.') ? text[..^1] : text;
    }

    /// <summary>A sender's or patron's name as people write it: "us" → "US", "eu" → "EU", "russia" → "Russia".</summary>
    public static string Sender(string name)
        => name.Length <= 3 ? name.ToUpperInvariant() : char.ToUpperInvariant(name[0]) + name[1..];
}
