using SanctionsSim.Internal;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Experiments;

/// <summary>
/// Saltelli's sampling scheme for Sobol indices: two independent N×k matrices A and B and, for each input i,
/// AB_i (A with column i taken from B). Rows are taken from a 2k-dimensional digitally shifted Sobol sequence
/// (A its first k coordinates, B the last k), or from pseudo-random draws. Points come in blocks of k + 2 per
/// row r: A_r, AB_1,r … AB_k,r, B_r, so N(k + 2) model evaluations.
/// </summary>
public sealed class SaltelliDesign : ExperimentDesign
{
    private readonly int _k;
    private readonly int _samples;
    private readonly ulong _seed;
    private readonly SobolSequence? _sequence;

    /// <summary>Creates the design.</summary>
    /// <param name="samples">N, rows of each matrix, 2 to 10^7 (a power of two balances the Sobol sequence best).</param>
    /// <param name="dimensions">k, inputs, 1 to 23 with the Sobol sequence (2k ≤ 46), 1 to 64 otherwise.</param>
    /// <param name="seed">The seed of the shift or of the pseudo-random draws.</param>
    /// <param name="quasiRandom">Sobol sequence rows (default) or pseudo-random rows.</param>
    public SaltelliDesign(int samples, int dimensions, ulong seed = 1, bool quasiRandom = true)
    {
        _samples = Guard.InRange(samples, 2, 10_000_000);
        _k = Guard.InRange(dimensions, 1, quasiRandom ? SobolSequence.MaxDimensions / 2 : 64);
        _seed = seed;
        QuasiRandom = quasiRandom;
        _sequence = quasiRandom ? new SobolSequence(2 * dimensions, seed) : null;
    }

    /// <summary>N, rows of each matrix.</summary>
    public int Samples => _samples;

    /// <summary>Whether rows come from the Sobol sequence.</summary>
    public bool QuasiRandom { get; }

    /// <inheritdoc />
    public override int Dimensions => _k;

    /// <inheritdoc />
    public override long Count => (long)_samples * (_k + 2);

    /// <inheritdoc />
    public override string Description => $"saltelli(samples={_samples}, dimensions={_k}, seed={_seed}, rows={(QuasiRandom ? "sobol" : "random")})";

    /// <summary>The index of A_r (<paramref name="column"/> = −1), AB_i,r (column i) or B_r (column = k).</summary>
    /// <param name="row">r, 0 to N − 1.</param>
    /// <param name="column">−1 for A, 0 to k − 1 for AB_i, k for B.</param>
    /// <returns>The point index.</returns>
    public long IndexOf(int row, int column) => ((long)row * (_k + 2)) + column + 1;

    /// <inheritdoc />
    protected override void Fill(long index, Span<double> unit)
    {
        long row = index / (_k + 2);
        int block = (int)(index % (_k + 2)); // 0: A, 1..k: AB_i, k + 1: B
        Span<double> ab = stackalloc double[2 * _k];
        if (_sequence is not null)
        {
            _sequence.Point(row, ab);
        }
        else
        {
            for (int j = 0; j < 2 * _k; j++)
            {
                ab[j] = RandomStream.CounterUniform(_seed, row, j, (long)StreamKeys.Design);
            }
        }

        for (int j = 0; j < _k; j++)
        {
            bool fromB = block == _k + 1 || block == j + 1;
            unit[j] = fromB ? ab[_k + j] : ab[j];
        }
    }
}
