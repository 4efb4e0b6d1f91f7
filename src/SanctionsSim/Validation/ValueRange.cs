using System.Globalization;

namespace SanctionsSim.Validation;

/// <summary>
/// An interval of allowed values, closed or open at either end; an infinite end means no bound (a number must still
/// be finite). The one description of a range: validation messages, the scenario's JSON Schema and its reference
/// are written from it.
/// </summary>
internal readonly record struct ValueRange(double Min, double Max, bool MinOpen = false, bool MaxOpen = false)
{
    /// <summary>All finite numbers.</summary>
    public static ValueRange Finite { get; } = new(double.NegativeInfinity, double.PositiveInfinity);

    /// <summary>The open unit interval (0, 1), of confidence levels.</summary>
    public static ValueRange OpenUnit { get; } = new(0, 1, MinOpen: true, MaxOpen: true);

    /// <summary>The closed interval [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static ValueRange Closed(double min, double max) => new(min, max);

    /// <summary>At least <paramref name="min"/>.</summary>
    public static ValueRange AtLeast(double min) => new(min, double.PositiveInfinity);

    /// <summary>Whether <paramref name="value"/> lies in the range; NaN and infinities never do.</summary>
    public bool Contains(double value)
        => double.IsFinite(value)
           && (MinOpen ? value > Min : value >= Min)
           && (MaxOpen ? value < Max : value <= Max);

    /// <summary>The range as text, for example "[0, 1]", "(0, 100]" or "at least 1".</summary>
    public override string ToString()
    {
        bool low = double.IsFinite(Min), high = double.IsFinite(Max);
        return (low, high) switch
        {
            (true, true) => (MinOpen ? "(" : "[") + Format(Min) + ", " + Format(Max) + (MaxOpen ? ")" : "]"),
            (true, false) => (MinOpen ? "above " : "at least ") + Format(Min),
            (false, true) => (MaxOpen ? "below " : "at most ") + Format(Max),
            _ => "any finite number",
        };
    }

    /// <summary>A number as the messages write it: shortest round-trip form, invariant culture.</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
