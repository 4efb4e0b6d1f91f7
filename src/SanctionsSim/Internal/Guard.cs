using System.Runtime.CompilerServices;

namespace SanctionsSim.Internal;

/// <summary>
/// Argument guards. Every floating-point test is phrased positively so that NaN is rejected
/// (NaN fails every comparison); see NodaTime's <c>Preconditions</c>.
/// </summary>
internal static class Guard
{
    public static double Probability(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        => value is >= 0.0 and <= 1.0
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a probability in [0, 1]; got {Format(value)}.");

    public static double OpenUnit(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        => value is > 0.0 and < 1.0
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must lie strictly between 0 and 1; got {Format(value)}.");

    public static double Finite(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        => double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a finite number; got {Format(value)}.");

    public static double NonNegative(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        => value >= 0.0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a finite number >= 0; got {Format(value)}.");

    public static double Positive(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        => value > 0.0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be a finite number > 0; got {Format(value)}.");

    public static double InRange(double value, double min, double max, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        => value >= min && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must lie in [{Format(min)}, {Format(max)}]; got {Format(value)}.");

    public static int InRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        => value >= min && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must lie in [{min}, {max}]; got {value}.");

    public static long InRange(long value, long min, long max, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        => value >= min && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must lie in [{min}, {max}]; got {value}.");

    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        => value > 0
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be > 0; got {value}.");

    public static int NonNegative(int value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        => value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} must be >= 0; got {value}.");

    public static string Format(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Largest number of directed edge slots a graph may hold (int-indexed CSR arrays).</summary>
    public const long MaxEdgeSlots = int.MaxValue - 64;

    /// <summary>Throws before allocating when an edge count cannot fit a CSR graph.</summary>
    public static long EdgeSlots(double expected, string what)
        => expected <= MaxEdgeSlots
            ? (long)expected
            : throw new ArgumentOutOfRangeException(what, expected,
                $"{what}: about {expected:0.###e+0} directed edge slots would be needed, more than the {MaxEdgeSlots} a graph can hold.");
}
