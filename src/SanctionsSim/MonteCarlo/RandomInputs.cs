using System.Runtime.CompilerServices;
using MathNet.Numerics;

namespace SanctionsSim.MonteCarlo;

/// <summary>
/// The random inputs of one replication as a vector of independent standard normal coordinates, grouped in blocks
/// (one block per purpose: officers, ties, contact orders, events, weeks), that can be perturbed by small moves
/// which leave the prior N(0, I) invariant: the state of a particle in sequential Monte Carlo for static rare
/// events (Cérou, Del Moral, Furon &amp; Guyader 2012; docs/rare-events.md).
/// </summary>
/// <remarks>
/// <para>
/// A <see cref="RandomStream"/> that <see cref="RandomStream.Follow"/>s a block reads its coordinates in order, one
/// per draw: a normal draw is the coordinate g itself, a uniform draw is Φ(g), an exponential is −ln Φ(−g), a
/// bounded integer is ⌊Φ(g)·n⌋, so each draw has its exact distribution (up to double rounding) and moves
/// continuously with g. Draws that need raw bits or several numbers (a Beta variate by rejection) read a
/// <see cref="Key"/>: a hash of the inputs' root, the coordinate and which eighth of N(0, 1) g lies in, so a small
/// move usually keeps it and sometimes redraws it.
/// </para>
/// <para>
/// <see cref="Perturb"/> is the preconditioned Crank–Nicolson move g′ = ρ·g + √(1 − ρ²)·ξ, ξ ~ N(0, I), reversible
/// with respect to N(0, I) for every ρ in [0, 1]. It applies to every coordinate, including those no replication has
/// read yet: a coordinate is materialised when first read by replaying the root draw and every move of the lineage,
/// so the values are a pure function of (root, moves) and the same whatever was read before.
/// </para>
/// <threadsafety>Reading a coordinate may materialise it: score one instance on one thread at a time. <see cref="Perturb"/> only reads what is materialised and may run on several threads at once.</threadsafety>
/// </remarks>
internal sealed class RandomInputs
{
    /// <summary>The number of blocks: block indices are 0 … 15.</summary>
    public const int BlockCount = 16;

    /// <summary>The most coordinates of one block (2²⁸).</summary>
    public const int MaxCoordinates = 1 << 28;

    private const int Cells = 8;
    private static readonly double[] CellBounds = CellLimits();

    [ThreadStatic]
    private static RandomStream? t_scratch;

    private readonly ulong _root;
    private readonly Move[] _moves;
    private readonly InputShift? _shift;
    private readonly double[][] _values = new double[BlockCount][];
    private readonly int[] _count = new int[BlockCount];

    private RandomInputs(ulong root, Move[] moves, InputShift? shift = null, RandomInputs? recycle = null)
    {
        if (recycle is not null && recycle._values.Length != BlockCount)
        {
            throw new ArgumentException("The instance to recycle is invalid.", nameof(recycle));
        }

        _root = root;
        _moves = moves;
        _shift = shift;
        for (int b = 0; b < BlockCount; b++)
        {
            // a recycled instance's buffers are taken over (its values are overwritten as coordinates are read)
            _values[b] = recycle?._values[b] ?? [];
            if (recycle is not null)
            {
                recycle._values[b] = [];
                recycle._count[b] = 0;
            }
        }
    }

    /// <summary>Inputs drawn from the prior: i.i.d. N(0, 1) coordinates keyed by (<paramref name="seed"/>, <paramref name="index"/>).</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="index">The particle's index.</param>
    /// <param name="recycle">An instance no longer needed whose buffers are reused (it is emptied); null to allocate.</param>
    /// <returns>The inputs (no coordinate is materialised until read).</returns>
    internal static RandomInputs FromPrior(ulong seed, long index, RandomInputs? recycle = null)
        => new(Root(seed, index), [], null, recycle);

    /// <summary>
    /// Inputs drawn from the prior shifted by <paramref name="shift"/> (importance sampling): the shifted coordinates are
    /// N(μ, 1), the others N(0, 1). <see cref="InputShift.LogLikelihoodRatio"/> gives the weight that corrects for it.
    /// </summary>
    /// <param name="seed">The seed.</param>
    /// <param name="index">The sample's index.</param>
    /// <param name="shift">The shift of the mean.</param>
    /// <param name="recycle">An instance no longer needed whose buffers are reused (it is emptied); null to allocate.</param>
    /// <returns>The inputs.</returns>
    internal static RandomInputs FromShiftedPrior(ulong seed, long index, InputShift shift, RandomInputs? recycle = null)
    {
        ArgumentNullException.ThrowIfNull(shift);
        return new(Root(seed, index), [], shift, recycle);
    }

    /// <summary>The number of moves since the prior draw.</summary>
    internal int Moves => _moves.Length;

    /// <summary>How many coordinates of <paramref name="block"/> are materialised (read by this or an ancestor).</summary>
    /// <param name="block">A block index in [0, <see cref="BlockCount"/>).</param>
    /// <returns>The count.</returns>
    internal int Materialized(int block)
    {
        CheckBlock(block);
        return _count[block];
    }

    /// <summary>Coordinate <paramref name="coordinate"/> of <paramref name="block"/>: a standard normal value.</summary>
    /// <param name="block">A block index in [0, <see cref="BlockCount"/>).</param>
    /// <param name="coordinate">A coordinate in [0, <see cref="MaxCoordinates"/>).</param>
    /// <returns>The value g.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The block or the coordinate is out of range.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Normal(int block, int coordinate)
    {
        if ((uint)block < BlockCount && (uint)coordinate < (uint)_count[block])
        {
            return _values[block][coordinate];
        }

        return Materialize(block, coordinate);
    }

    /// <summary>Φ of the coordinate: a uniform value in [0, 1).</summary>
    /// <param name="block">A block index.</param>
    /// <param name="coordinate">A coordinate.</param>
    /// <returns>A value in [0, 1).</returns>
    public double Uniform(int block, int coordinate) => ToUniform(Normal(block, coordinate));

    /// <summary>
    /// 64 random bits for the coordinate: a hash of the root, the block, the coordinate and the eighth of N(0, 1) its
    /// value lies in. Uniform over the prior; kept by a move that leaves the value in its eighth.
    /// </summary>
    /// <param name="block">A block index.</param>
    /// <param name="coordinate">A coordinate.</param>
    /// <returns>The bits.</returns>
    internal ulong Key(int block, int coordinate)
    {
        double g = Normal(block, coordinate);
        int cell = 0;
        while (cell < Cells - 1 && g >= CellBounds[cell])
        {
            cell++;
        }

        return RandomStream.CounterBits(BlockKey(_root, block), coordinate, cell + 1);
    }

    /// <summary>
    /// A proposal: every coordinate moved by g′ = ρ·g + √(1 − ρ²)·ξ with ξ ~ N(0, I) keyed by <paramref name="key"/>
    /// (preconditioned Crank–Nicolson; reversible with respect to the prior).
    /// </summary>
    /// <param name="key">The move's key (any value; distinct moves need distinct keys).</param>
    /// <param name="correlation">ρ in [0, 1]: 1 keeps every coordinate, 0 redraws every coordinate.</param>
    /// <param name="recycle">An instance no longer needed (a rejected proposal) whose buffers are reused; null to allocate.</param>
    /// <returns>The moved inputs; this instance is unchanged.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="correlation"/> is outside [0, 1] or not a number.</exception>
    internal RandomInputs Perturb(ulong key, double correlation, RandomInputs? recycle = null)
    {
        if (!(correlation >= 0 && correlation <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(correlation), correlation, "The correlation ρ must be in [0, 1].");
        }

        var moves = new Move[_moves.Length + 1];
        _moves.CopyTo(moves, 0);
        moves[^1] = new Move(key, correlation);
        if (ReferenceEquals(recycle, this))
        {
            throw new ArgumentException("A proposal cannot recycle the instance it moves.", nameof(recycle));
        }

        var next = new RandomInputs(_root, moves, _shift, recycle);
        double innovation = Math.Sqrt(1 - (correlation * correlation));
        for (int b = 0; b < BlockCount; b++)
        {
            int n = _count[b];
            if (n == 0)
            {
                continue;
            }

            double[] buffer = next._values[b].Length >= n ? next._values[b] : new double[n];

            ulong blockKey = BlockKey(key, b);
            double[] source = _values[b];
            for (int d = 0; d < n; d++)
            {
                buffer[d] = (correlation * source[d]) + (innovation * NormalFromBits(RandomStream.CounterBits(blockKey, d, 0)));
            }

            next._values[b] = buffer;
            next._count[b] = n;
        }

        return next;
    }

    private static ulong Root(ulong seed, long index) => RandomStream.Mix(RandomStream.CounterKey(KeyRegistry.Salted(seed, SeedSalt.InputsRoot), index));

    /// <summary>Φ(g) clipped below 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ToUniform(double g) => Math.Min(0.5 * Erfc.Of(-g * Constants.Sqrt1Over2), 0.99999999999999989);

    /// <summary>−ln Φ(−g): a standard exponential value increasing with g.</summary>
    internal static double ToExponential(double g) => -Math.Log(0.5 * Erfc.Of(g * Constants.Sqrt1Over2));

    private double Materialize(int block, int coordinate)
    {
        CheckBlock(block);
        if ((uint)coordinate >= MaxCoordinates)
        {
            throw new ArgumentOutOfRangeException(nameof(coordinate), coordinate, $"A coordinate must be in [0, {MaxCoordinates}).");
        }

        double[] values = _values[block];
        if (values.Length <= coordinate)
        {
            Array.Resize(ref values, Math.Max(coordinate + 1, Math.Min(MaxCoordinates, Math.Max(64, values.Length * 2))));
            _values[block] = values;
        }

        ulong rootKey = BlockKey(_root, block);
        for (int d = _count[block]; d <= coordinate; d++)
        {
            values[d] = Replay(rootKey, block, d);
        }

        _count[block] = coordinate + 1;
        return values[coordinate];
    }

    /// <summary>The value of a coordinate no ancestor read: the root's draw moved by every move of the lineage, in order.</summary>
    private double Replay(ulong rootKey, int block, int coordinate)
    {
        double g = NormalFromBits(RandomStream.CounterBits(rootKey, coordinate, 0));
        if (_shift is not null)
        {
            g += _shift.Of(block, coordinate);
        }

        foreach (var move in _moves)
        {
            double innovation = Math.Sqrt(1 - (move.Correlation * move.Correlation));
            g = (move.Correlation * g) + (innovation * NormalFromBits(RandomStream.CounterBits(BlockKey(move.Key, block), coordinate, 0)));
        }

        return g;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong BlockKey(ulong key, int block) => RandomStream.Mix(key ^ ((ulong)SeedSalt.InputsBlockStep * (ulong)(block + 1)));

    /// <summary>A standard normal value from 64 random bits: the ziggurat's one-word path, or a stream seeded by the bits for the rare rest.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double NormalFromBits(ulong bits)
    {
        int layer = (int)(bits & 255);
        ulong j = bits >> 11;
        if (j < NormalZiggurat.Kn[layer])
        {
            double x = j * NormalZiggurat.Wn[layer];
            return (bits & 256) == 0 ? x : -x;
        }

        RandomStream scratch = t_scratch ??= new RandomStream(0);
        scratch.Reset(bits, 0, 0);
        return scratch.NextStandardNormal();
    }

    private static void CheckBlock(int block)
    {
        if ((uint)block >= BlockCount)
        {
            throw new ArgumentOutOfRangeException(nameof(block), block, $"A block must be in [0, {BlockCount}).");
        }
    }

    private static double[] CellLimits()
    {
        var limits = new double[Cells - 1];
        for (int k = 1; k < Cells; k++)
        {
            limits[k - 1] = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, (double)k / Cells);
        }

        return limits;
    }

    private readonly record struct Move(ulong Key, double Correlation);
}
