namespace SanctionsSim.MonteCarlo;

/// <summary>A two-sided confidence interval.</summary>
/// <threadsafety>Immutable.</threadsafety>
public readonly record struct ConfidenceInterval
{
    /// <summary>Creates an interval.</summary>
    /// <param name="lower">Lower bound.</param>
    /// <param name="upper">Upper bound (at least <paramref name="lower"/>).</param>
    /// <param name="confidence">Nominal coverage, in (0, 1).</param>
    public ConfidenceInterval(double lower, double upper, double confidence)
    {
        Lower = lower;
        Upper = upper;
        Confidence = confidence;
    }

    /// <summary>Lower bound.</summary>
    public double Lower { get; }

    /// <summary>Upper bound.</summary>
    public double Upper { get; }

    /// <summary>Nominal coverage, for example 0.95.</summary>
    public double Confidence { get; }

    /// <summary>Half the interval's width.</summary>
    public double HalfWidth => (Upper - Lower) / 2.0;

    /// <summary>True when <paramref name="value"/> lies in [Lower, Upper].</summary>
    /// <param name="value">The value to test.</param>
    /// <returns>Whether the interval contains the value.</returns>
    public bool Contains(double value) => value >= Lower && value <= Upper;

    /// <inheritdoc />
    public override string ToString()
        => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{Lower:G6}, {Upper:G6}] ({Confidence:P0})");
}
