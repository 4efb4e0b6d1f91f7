using MathNet.Numerics.Distributions;
using SanctionsSim.Internal;

namespace SanctionsSim.MonteCarlo;

/// <summary>
/// Count, mean, variance, minimum and maximum of a stream of values, held as exact sums so that the result
/// does not depend on the order of the values or on how partial results were merged.
/// </summary>
/// <remarks>
/// Σx and Σx² are accumulated without rounding (each x² is rounded once); the sample variance
/// (Σx² − (Σx)²/n)/(n − 1) is then evaluated in double precision, whose relative error is about
/// 10^-16 · mean²/variance: negligible unless the coefficient of variation is below 10^-6.
/// The standard error of the mean is sqrt(variance / n); intervals use Student's t with n − 1 degrees of freedom.
/// </remarks>
/// <threadsafety>Not thread-safe: each thread accumulates its own instance, then instances are merged.</threadsafety>
public sealed class RunningMoments
{
    private readonly ExactSum _sum = new();
    private readonly ExactSum _sumOfSquares = new();

    /// <summary>Number of values added.</summary>
    public long Count { get; private set; }

    /// <summary>Smallest value added (NaN when empty).</summary>
    public double Minimum { get; private set; } = double.NaN;

    /// <summary>Largest value added (NaN when empty).</summary>
    public double Maximum { get; private set; } = double.NaN;

    /// <summary>The exact sum, rounded once.</summary>
    public double Sum => _sum.ToDouble();

    /// <summary>The mean (NaN when empty).</summary>
    public double Mean => Count == 0 ? double.NaN : _sum.ToDouble() / Count;

    /// <summary>The unbiased sample variance (NaN with fewer than two values).</summary>
    public double Variance
    {
        get
        {
            if (Count < 2)
            {
                return double.NaN;
            }

            double s = _sum.ToDouble();
            double v = (_sumOfSquares.ToDouble() - (s * s / Count)) / (Count - 1);
            return Math.Max(0.0, v);
        }
    }

    /// <summary>The sample standard deviation.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>The standard error of the mean, sqrt(variance / n).</summary>
    public double StandardError => Math.Sqrt(Variance / Count);

    /// <summary>Adds a finite value.</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    internal void Add(double value)
    {
        _sum.Add(value);
        _sumOfSquares.Add(value * value);
        if (Count == 0)
        {
            Minimum = value;
            Maximum = value;
        }
        else
        {
            Minimum = Math.Min(Minimum, value);
            Maximum = Math.Max(Maximum, value);
        }

        Count++;
    }

    /// <summary>Adds all of another instance's values (exactly: merging is associative and commutative).</summary>
    /// <param name="other">Moments of other values.</param>
    internal void Merge(RunningMoments other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Count == 0)
        {
            return;
        }

        _sum.Add(other._sum);
        _sumOfSquares.Add(other._sumOfSquares);
        Minimum = Count == 0 ? other.Minimum : Math.Min(Minimum, other.Minimum);
        Maximum = Count == 0 ? other.Maximum : Math.Max(Maximum, other.Maximum);
        Count += other.Count;
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write(Count);
        writer.Write(Minimum);
        writer.Write(Maximum);
        _sum.Write(writer);
        _sumOfSquares.Write(writer);
    }

    internal void Read(BinaryReader reader)
    {
        Count = reader.ReadInt64();
        Minimum = reader.ReadDouble();
        Maximum = reader.ReadDouble();
        _sum.Read(reader);
        _sumOfSquares.Read(reader);
    }

    /// <summary>Removes every value.</summary>
    internal void Clear()
    {
        _sum.Clear();
        _sumOfSquares.Clear();
        Count = 0;
        Minimum = double.NaN;
        Maximum = double.NaN;
    }

    /// <summary>A Student-t confidence interval for the mean.</summary>
    /// <param name="confidence">Nominal coverage in (0, 1); 0.95 by default.</param>
    /// <returns>The interval (NaN bounds with fewer than two values).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidence"/> is not in (0, 1).</exception>
    public ConfidenceInterval MeanInterval(double confidence = 0.95)
    {
        Guard.OpenUnit(confidence);
        if (Count < 2)
        {
            return new ConfidenceInterval(double.NaN, double.NaN, confidence);
        }

        double t = StudentT.InvCDF(0.0, 1.0, Count - 1, 0.5 + (confidence / 2.0));
        double half = t * StandardError;
        return new ConfidenceInterval(Mean - half, Mean + half, confidence);
    }

    /// <summary>True when both hold exactly the same values' sums, count and extremes.</summary>
    /// <param name="other">The other instance.</param>
    /// <returns>Whether the two are indistinguishable.</returns>
    public bool ExactlyEquals(RunningMoments other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Count == other.Count
            && Minimum.Equals(other.Minimum)
            && Maximum.Equals(other.Maximum)
            && _sum.ValueEquals(other._sum)
            && _sumOfSquares.ValueEquals(other._sumOfSquares);
    }

    /// <inheritdoc />
    public override string ToString()
        => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"mean {Mean:G6} ± {StandardError:G2} (n = {Count})");
}
