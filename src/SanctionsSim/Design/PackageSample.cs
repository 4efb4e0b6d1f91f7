using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Design;

/// <summary>What a package's replications measured: how many reached the goal event, and each output's sum and sum of squares (mergeable exactly in count and nearly in sums).</summary>
internal sealed class PackageSample
{
    private readonly double[] _sums;
    private readonly double[] _squares;

    /// <summary>Creates a sample.</summary>
    /// <param name="replications">Replications (≥ 0).</param>
    /// <param name="successes">Replications in which the goal event happened (0 to <paramref name="replications"/>).</param>
    /// <param name="sums">Each output's sum over the replications.</param>
    /// <param name="squares">Each output's sum of squares.</param>
    /// <exception cref="ArgumentException">The counts are inconsistent or the arrays differ in length.</exception>
    public PackageSample(long replications, long successes, double[] sums, double[] squares)
    {
        ArgumentNullException.ThrowIfNull(sums);
        ArgumentNullException.ThrowIfNull(squares);
        if (replications < 0 || successes < 0 || successes > replications || sums.Length != squares.Length)
        {
            throw new ArgumentException($"A sample needs 0 ≤ successes ≤ replications and one square per sum; got {successes} of {replications}, {sums.Length} sums and {squares.Length} squares.", nameof(successes));
        }

        Replications = replications;
        Successes = successes;
        _sums = (double[])sums.Clone();
        _squares = (double[])squares.Clone();
    }

    /// <summary>Replications.</summary>
    public long Replications { get; }

    /// <summary>Replications in which the goal event happened.</summary>
    public long Successes { get; }

    /// <summary>The goal event's estimated probability.</summary>
    public ProportionEstimate Probability => new(Successes, Replications);

    /// <summary>The number of outputs.</summary>
    public int OutputCount => _sums.Length;

    /// <summary>The sum of output <paramref name="k"/> over the replications.</summary>
    /// <param name="k">The output index.</param>
    /// <returns>The sum.</returns>
    public double Sum(int k) => _sums[k];

    /// <summary>The sum of squares of output <paramref name="k"/> over the replications.</summary>
    /// <param name="k">The output index.</param>
    /// <returns>The sum of squares.</returns>
    public double SumOfSquares(int k) => _squares[k];

    /// <summary>The mean of output <paramref name="k"/> over the replications.</summary>
    /// <param name="k">The output index.</param>
    /// <returns>The mean (NaN without replications).</returns>
    public double Mean(int k) => Replications == 0 ? double.NaN : _sums[k] / Replications;

    /// <summary>The standard error of <see cref="Mean"/>.</summary>
    /// <param name="k">The output index.</param>
    /// <returns>s / √n (NaN with fewer than two replications).</returns>
    public double StandardError(int k)
    {
        if (Replications < 2)
        {
            return double.NaN;
        }

        double mean = Mean(k);
        double variance = Math.Max(0, (_squares[k] - (Replications * mean * mean)) / (Replications - 1));
        return Math.Sqrt(variance / Replications);
    }

    /// <summary>The sample of both sets of replications (which must be disjoint).</summary>
    /// <param name="other">Another sample of the same package and outputs.</param>
    /// <returns>The merged sample.</returns>
    /// <exception cref="ArgumentException">The samples have different outputs.</exception>
    public PackageSample Merge(PackageSample other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.OutputCount != OutputCount)
        {
            throw new ArgumentException($"Samples of {OutputCount} and {other.OutputCount} outputs cannot merge.", nameof(other));
        }

        return new PackageSample(Replications + other.Replications, Successes + other.Successes, _sums.Zip(other._sums, (a, b) => a + b).ToArray(), _squares.Zip(other._squares, (a, b) => a + b).ToArray());
    }
}
