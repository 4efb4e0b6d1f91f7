using SanctionsSim.Internal;

namespace SanctionsSim.MonteCarlo;

/// <summary>
/// A fixed-bin histogram on [<see cref="Minimum"/>, <see cref="Maximum"/>] with under- and overflow counts.
/// Counts are integers, so merging is exact; quantiles interpolate linearly within a bin, so they are
/// accurate to one bin width.
/// </summary>
/// <threadsafety>Not thread-safe: each thread fills its own instance, then instances are merged.</threadsafety>
internal sealed class Histogram
{
    private readonly long[] _counts;
    private readonly double _scale;

    /// <summary>Creates an empty histogram.</summary>
    /// <param name="minimum">Lower edge of the first bin (finite).</param>
    /// <param name="maximum">Upper edge of the last bin (finite, above <paramref name="minimum"/>); the last bin is closed.</param>
    /// <param name="bins">Number of equal bins, 1 to 10^7.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public Histogram(double minimum, double maximum, int bins)
    {
        Guard.Finite(minimum);
        Guard.Finite(maximum);
        if (!(maximum > minimum))
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), maximum, $"maximum must exceed minimum ({Guard.Format(minimum)}); got {Guard.Format(maximum)}.");
        }

        Guard.InRange(bins, 1, 10_000_000);
        Minimum = minimum;
        Maximum = maximum;
        _counts = new long[bins];
        _scale = bins / (maximum - minimum);
    }

    /// <summary>Lower edge of the first bin.</summary>
    public double Minimum { get; }

    /// <summary>Upper edge of the last bin.</summary>
    public double Maximum { get; }

    /// <summary>Number of bins.</summary>
    public int BinCount => _counts.Length;

    /// <summary>Width of one bin.</summary>
    public double BinWidth => (Maximum - Minimum) / _counts.Length;

    /// <summary>Values below <see cref="Minimum"/>.</summary>
    public long Underflow { get; private set; }

    /// <summary>Values above <see cref="Maximum"/>.</summary>
    public long Overflow { get; private set; }

    /// <summary>All values added, including under- and overflow.</summary>
    public long Count { get; private set; }

    /// <summary>The bin counts.</summary>
    public ReadOnlySpan<long> Counts => _counts;

    /// <summary>Adds a value (NaN is rejected).</summary>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN.</exception>
    internal void Add(double value)
    {
        if (value < Minimum)
        {
            Underflow++;
        }
        else if (value > Maximum)
        {
            Overflow++;
        }
        else if (value >= Minimum)
        {
            int bin = (int)((value - Minimum) * _scale);
            _counts[Math.Min(bin, _counts.Length - 1)]++;
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A histogram cannot hold NaN.");
        }

        Count++;
    }

    /// <summary>Adds another histogram's counts (same edges and bin count).</summary>
    /// <param name="other">A histogram with the same layout.</param>
    /// <exception cref="ArgumentException">The layouts differ.</exception>
    internal void Merge(Histogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Minimum != Minimum || other.Maximum != Maximum || other._counts.Length != _counts.Length)
        {
            throw new ArgumentException("Histograms with different bins cannot be merged.", nameof(other));
        }

        for (int i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Underflow += other.Underflow;
        Overflow += other.Overflow;
        Count += other.Count;
    }

    /// <summary>Writes the exact state, sparsely: only the bins that hold values (a shard of a few runs fills a handful of bins).</summary>
    internal void Write(BinaryWriter writer)
    {
        writer.Write(_counts.Length);
        writer.Write(Underflow);
        writer.Write(Overflow);
        writer.Write(Count);
        int filled = 0;
        foreach (long c in _counts)
        {
            filled += c != 0 ? 1 : 0;
        }

        writer.Write(filled);
        for (int i = 0; i < _counts.Length; i++)
        {
            if (_counts[i] != 0)
            {
                writer.Write(i);
                writer.Write(_counts[i]);
            }
        }
    }

    internal void Read(BinaryReader reader)
    {
        int bins = reader.ReadInt32();
        if (bins != _counts.Length)
        {
            throw new InvalidDataException($"A histogram of {bins} bins cannot be read into one of {_counts.Length}.");
        }

        Underflow = reader.ReadInt64();
        Overflow = reader.ReadInt64();
        Count = reader.ReadInt64();
        Array.Clear(_counts);
        int filled = reader.ReadInt32();
        int previous = -1;
        for (int k = 0; k < filled; k++)
        {
            int bin = reader.ReadInt32();
            if (bin <= previous || bin >= bins)
            {
                throw new InvalidDataException($"A histogram's bin {bin} is out of order or range.");
            }

            _counts[bin] = reader.ReadInt64();
            previous = bin;
        }
    }

    /// <summary>Removes every value.</summary>
    internal void Clear()
    {
        Array.Clear(_counts);
        Underflow = 0;
        Overflow = 0;
        Count = 0;
    }

    /// <summary>The lower edge of bin <paramref name="bin"/>.</summary>
    /// <param name="bin">Bin index, 0 to <see cref="BinCount"/> − 1.</param>
    /// <returns>The bin's lower edge.</returns>
    public double BinLowerEdge(int bin) => Minimum + (Guard.InRange(bin, 0, _counts.Length - 1) * BinWidth);

    /// <summary>
    /// The <paramref name="p"/>-quantile, interpolated linearly within its bin (under- and overflow are placed
    /// at the edges). NaN when empty.
    /// </summary>
    /// <param name="p">Probability in [0, 1].</param>
    /// <returns>The quantile estimate.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is not in [0, 1].</exception>
    public double Quantile(double p)
    {
        Guard.Probability(p);
        if (Count == 0)
        {
            return double.NaN;
        }

        double target = p * Count;
        if (target <= Underflow && Underflow > 0)
        {
            return Minimum;
        }

        double cumulative = Underflow;
        for (int i = 0; i < _counts.Length; i++)
        {
            long c = _counts[i];
            if (c > 0 && cumulative + c >= target)
            {
                double within = Math.Clamp((target - cumulative) / c, 0.0, 1.0);
                return Minimum + ((i + within) * BinWidth);
            }

            cumulative += c;
        }

        return Maximum;
    }

    /// <summary>True when both have the same layout and counts.</summary>
    /// <param name="other">The other histogram.</param>
    /// <returns>Whether they are equal.</returns>
    public bool ExactlyEquals(Histogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Minimum == other.Minimum && Maximum == other.Maximum && Underflow == other.Underflow
            && Overflow == other.Overflow && Count == other.Count && _counts.AsSpan().SequenceEqual(other._counts);
    }
}
