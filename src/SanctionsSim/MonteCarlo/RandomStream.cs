using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SanctionsSim.Intrinsics;

namespace SanctionsSim.MonteCarlo;

/// <summary>
/// A fast, seedable pseudo-random stream (xoshiro256**, Blackman &amp; Vigna 2018) keyed by
/// (seed, replication, stream), so that every draw of a replication depends only on those three numbers.
/// </summary>
/// <remarks>
/// <para>
/// MathNet.Numerics ships <c>Xoshiro256StarStar</c> with the same generator. It is a thread-safe-capable
/// <see cref="Random"/> subclass whose every draw goes through virtual dispatch and an optional lock;
/// the cascade kernels draw tens of thousands of numbers per replication, so this sealed class inlines the
/// generator and adds reseeding without allocation (one instance per worker thread, reseeded per
/// replication). It still derives from <see cref="Random"/>, so every MathNet distribution can sample from it.
/// </para>
/// <para>
/// Seeds are derived with the SplitMix64 finaliser (Steele, Lea &amp; Flood 2014): the 256-bit state of
/// stream (s, r, k) is four successive SplitMix64 outputs started from <c>mix(mix(mix(s) ^ r) ^ k)</c>.
/// Different keys give statistically independent streams.
/// </para>
/// <threadsafety>Instances are not thread-safe: use one per thread.</threadsafety>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A random stream, in the Monte Carlo sense (L'Ecuyer's streams and substreams), not a System.IO.Stream.")]
internal sealed class RandomStream : Random
{
    private const double DoubleUnit = 1.0 / (1UL << 53);
    private Xoshiro256 _state;
    private RandomInputs? _inputs;
    private int _block;
    private int _coordinate;
    private RandomStream? _variate;

    /// <summary>Creates a stream seeded from a single 64-bit seed (replication 0, stream 0).</summary>
    /// <param name="seed">Any 64-bit value.</param>
    public RandomStream(ulong seed)
        : this(seed, 0, 0)
    {
    }

    /// <summary>Creates the stream keyed by (<paramref name="seed"/>, <paramref name="replication"/>, <paramref name="stream"/>).</summary>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="replication">The replication index (any value; negative indices are allowed but unusual).</param>
    /// <param name="stream">A stream word, so that draws for one purpose do not shift those of another: the library's own come from its key registry (words 1 … 8 and their registered sub-purposes); give your own streams other words.</param>
    public RandomStream(ulong seed, long replication, ulong stream)
    {
        Reset(seed, replication, stream);
    }

    /// <summary>Reseeds this instance in place to the stream keyed by (seed, replication, stream). Allocates nothing.</summary>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="replication">The replication index.</param>
    /// <param name="stream">The purpose key.</param>
    public void Reset(ulong seed, long replication, ulong stream)
    {
        _inputs = null;
        ulong x = Mix(Mix(Mix(seed) ^ (ulong)replication) ^ stream);
        _state = new Xoshiro256(SplitMix(ref x), SplitMix(ref x), SplitMix(ref x), SplitMix(ref x));
        if ((_state.S0 | _state.S1 | _state.S2 | _state.S3) == 0)
        {
            _state.S0 = 0x9E3779B97F4A7C15UL; // the all-zero state is the generator's only fixed point
        }
    }

    /// <summary>Sets the raw 256-bit state (for reproducing published reference sequences).</summary>
    /// <exception cref="ArgumentException">All four words are zero.</exception>
    internal void SetState(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            throw new ArgumentException("The xoshiro256** state must not be all zero.");
        }

        _inputs = null;
        _state = new Xoshiro256(s0, s1, s2, s3);
    }

    /// <summary>The state as a value, for hot loops that draw many numbers: a local copy lives in registers (the
    /// fields of a class do not), and <see cref="Restore"/> writes it back, so the sequence is unchanged.</summary>
    internal Xoshiro256 Detach() => _inputs is null ? _state : throw new InvalidOperationException("A stream that follows random inputs has no generator state to detach; draw through its methods.");

    /// <summary>Continues from a state taken by <see cref="Detach"/> and advanced.</summary>
    internal void Restore(in Xoshiro256 state) => _state = state;

    /// <summary>
    /// From now on every draw reads the next coordinate of <paramref name="block"/> of <paramref name="inputs"/>
    /// (from coordinate 0): a normal draw is the coordinate g, a uniform Φ(g), an exponential −ln Φ(−g), a bounded
    /// integer ⌊Φ(g)·n⌋, raw bits <see cref="RandomInputs.Key"/>. Used by sequential Monte Carlo for static rare
    /// events (docs/rare-events.md). <see cref="Reset"/> returns to the stream's own generator.
    /// </summary>
    /// <param name="inputs">The inputs to read.</param>
    /// <param name="block">The block, in [0, <see cref="RandomInputs.BlockCount"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="block"/> is out of range.</exception>
    public void Follow(RandomInputs inputs, int block)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if ((uint)block >= RandomInputs.BlockCount)
        {
            throw new ArgumentOutOfRangeException(nameof(block), block, $"A block must be in [0, {RandomInputs.BlockCount}).");
        }

        _inputs = inputs;
        _block = block;
        _coordinate = 0;
    }

    /// <summary>Whether draws read <see cref="RandomInputs"/> (<see cref="Follow"/>) rather than this stream's generator.</summary>
    public bool IsFollowing => _inputs is not null;

    /// <summary>
    /// The stream a variate that consumes a variable number of draws (a rejection sampler) should draw from: this
    /// stream itself, or, when following inputs, a stream seeded by one coordinate's <see cref="RandomInputs.Key"/>, so
    /// the variate uses exactly one coordinate and later draws keep their coordinates.
    /// </summary>
    internal RandomStream Variate()
    {
        if (_inputs is null)
        {
            return this;
        }

        _variate ??= new RandomStream(0);
        ulong key = _inputs.Key(_block, _coordinate++);
        _variate.Reset(key, 0, 0);
        return _variate;
    }

    private double FollowNormal() => _inputs!.Normal(_block, _coordinate++);

    private double FollowUniform() => RandomInputs.ToUniform(FollowNormal());

    private ulong FollowBits() => _inputs!.Key(_block, _coordinate++);

    private ulong FollowBelow(ulong bound) => Math.Min(bound - 1, (ulong)(FollowUniform() * bound));

    /// <summary>Returns the next 64 random bits.</summary>
    /// <returns>A uniformly distributed 64-bit value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64() => _inputs is null ? _state.Next() : FollowBits();

    /// <summary>Returns a uniform double in [0, 1) with 53 random bits.</summary>
    /// <returns>A value in [0, 1).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override double NextDouble() => _inputs is null ? (_state.Next() >> 11) * DoubleUnit : FollowUniform();

    /// <summary>Returns a uniform double in (0, 1]: safe to pass to a logarithm.</summary>
    /// <returns>A value in (0, 1].</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDoubleNonZero() => _inputs is null ? ((_state.Next() >> 11) + 1) * DoubleUnit : 1.0 - FollowUniform();

    /// <summary>Returns an unbiased integer in [0, <paramref name="maxExclusive"/>) (Lemire's multiply-and-reject method).</summary>
    /// <param name="maxExclusive">Upper bound, exclusive; must be positive.</param>
    /// <returns>An integer in [0, maxExclusive).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxExclusive"/> is not positive.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextInt32(int maxExclusive)
    {
        if (maxExclusive <= 0)
        {
            ThrowBound(maxExclusive);
        }

        return (int)NextUInt64Below((ulong)maxExclusive);
    }

    /// <summary>Returns an unbiased integer in [0, <paramref name="bound"/>).</summary>
    /// <param name="bound">Upper bound, exclusive; must be positive.</param>
    /// <returns>An integer in [0, bound).</returns>
    public ulong NextUInt64Below(ulong bound)
    {
        if (_inputs is not null)
        {
            return FollowBelow(bound);
        }

        ulong high = Math.BigMul(NextUInt64(), bound, out ulong low);
        if (low < bound)
        {
            ulong threshold = (0UL - bound) % bound;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), bound, out low);
            }
        }

        return high;
    }

    /// <summary>Returns a standard exponential variate (ziggurat method: exact, and about five times faster than −ln U).</summary>
    /// <returns>A non-negative value with mean 1.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextExponential() => _inputs is null ? ExponentialZiggurat.Next(ref _state) : RandomInputs.ToExponential(FollowNormal());

    /// <summary>Returns a standard normal variate (ziggurat method, Marsaglia &amp; Tsang 2000: exact, one 64-bit word for about 99 % of draws).</summary>
    /// <returns>A draw from N(0, 1).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextStandardNormal()
    {
        if (_inputs is not null)
        {
            return FollowNormal();
        }

        ulong bits = NextUInt64();
        int layer = (int)(bits & 255);
        ulong j = bits >> 11;
        if (j < NormalZiggurat.Kn[layer])
        {
            double x = j * NormalZiggurat.Wn[layer];
            return (bits & 256) == 0 ? x : -x;
        }

        return NormalZiggurat.SampleSlow(this, bits);
    }

    /// <summary>Returns true with probability <paramref name="p"/>.</summary>
    /// <param name="p">A probability; values outside [0, 1] behave as clamped.</param>
    /// <returns>The Bernoulli draw.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool NextBernoulli(double p) => NextDouble() < p;

    /// <inheritdoc />
    public override int Next() => (int)(NextUInt64() >> 33);

    /// <inheritdoc />
    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue == 0 ? 0 : NextInt32(maxValue);
    }

    /// <inheritdoc />
    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        ulong range = (ulong)((long)maxValue - minValue);
        return range == 0 ? minValue : (int)(minValue + (long)NextUInt64Below(range));
    }

    /// <inheritdoc />
    public override long NextInt64() => (long)(NextUInt64() >> 1);

    /// <inheritdoc />
    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue == 0 ? 0 : (long)NextUInt64Below((ulong)maxValue);
    }

    /// <inheritdoc />
    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        ulong range = (ulong)(maxValue - minValue);
        return range == 0 ? minValue : minValue + (long)NextUInt64Below(range);
    }

    /// <inheritdoc />
    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));

    /// <inheritdoc />
    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        NextBytes(buffer.AsSpan());
    }

    /// <inheritdoc />
    public override void NextBytes(Span<byte> buffer)
    {
        while (buffer.Length >= 8)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(buffer, NextUInt64());
            buffer = buffer[8..];
        }

        if (!buffer.IsEmpty)
        {
            ulong last = NextUInt64();
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = (byte)(last >> (8 * i));
            }
        }
    }

    /// <inheritdoc />
    protected override double Sample() => NextDouble();

    /// <summary>
    /// A counter-based uniform draw in [0, 1): a pure function of its four keys. Used where common random
    /// numbers must line up across policy arms however many draws each arm consumes (for example the
    /// decision noise of officer <paramref name="a"/> in week <paramref name="b"/>).
    /// </summary>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="replication">The replication index.</param>
    /// <param name="a">First counter (for example an officer index).</param>
    /// <param name="b">Second counter (for example a week and a purpose, combined by the caller).</param>
    /// <returns>A value in [0, 1).</returns>
    public static double CounterUniform(ulong seed, long replication, long a, long b)
        => ToUniform(CounterBits(CounterKey(seed, replication), a, b));

    /// <summary>The per-replication key of the counter-based draws: hoist it out of loops.</summary>
    /// <param name="seed">The experiment seed.</param>
    /// <param name="replication">The replication index.</param>
    /// <returns>The key for <see cref="CounterBits"/>.</returns>
    public static ulong CounterKey(ulong seed, long replication) => Mix(Mix(KeyRegistry.Salted(seed, SeedSalt.CounterKey)) ^ (ulong)replication);

    /// <summary>64 counter-based random bits for (key, a, b): <c>CounterUniform(s, r, a, b) == ToUniform(CounterBits(CounterKey(s, r), a, b))</c>.</summary>
    /// <param name="key">From <see cref="CounterKey"/>.</param>
    /// <param name="a">First counter.</param>
    /// <param name="b">Second counter.</param>
    /// <returns>The bits.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong CounterBits(ulong key, long a, long b) => Mix(Mix(key ^ (ulong)a) ^ (ulong)b);

    /// <summary>Maps 64 random bits to a uniform double in [0, 1) (the top 53 bits).</summary>
    /// <param name="bits">Random bits.</param>
    /// <returns>A value in [0, 1).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ToUniform(ulong bits) => (bits >> 11) * DoubleUnit;

    /// <summary>The SplitMix64 finaliser (variant 13 of Stafford's mixers): a bijection on 64-bit values.</summary>
    /// <param name="z">The value to mix.</param>
    /// <returns>The mixed value.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z) => SplitMix64.Mix(z);

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        ulong z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static void ThrowBound(int value)
        => throw new ArgumentOutOfRangeException(nameof(value), value, "The exclusive upper bound must be positive.");
}

/// <summary>The xoshiro256** state and step as a mutable value type: <see cref="RandomStream"/> holds one, and hot loops copy it into registers (<see cref="RandomStream.Detach"/>).</summary>
internal struct Xoshiro256 : IBitSource
{
    public ulong S0, S1, S2, S3;

    public Xoshiro256(ulong s0, ulong s1, ulong s2, ulong s3) => (S0, S1, S2, S3) = (s0, s1, s2, s3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Next()
    {
        ulong result = BitOperations.RotateLeft(S1 * 5, 7) * 9;
        ulong t = S1 << 17;
        S2 ^= S0;
        S3 ^= S1;
        S1 ^= S2;
        S0 ^= S3;
        S2 ^= t;
        S3 = BitOperations.RotateLeft(S3, 45);
        return result;
    }

    /// <summary>Four lanes seeded with the next sixteen words of this generator (word 4r + j is state word r of lane j).</summary>
    /// <returns>The lanes.</returns>
    public Xoshiro256x4 SeedFourLanes()
    {
        Span<ulong> words = stackalloc ulong[16];
        for (int k = 0; k < words.Length; k++)
        {
            words[k] = Next();
        }

        return new Xoshiro256x4(words);
    }
}

/// <summary>
/// Random words read through a buffer that <see cref="Xoshiro256x4"/> fills four at a time (word 4k + j from lane j):
/// consumers read them back in order, and <see cref="Refill"/> draws the next block when one is used up.
/// </summary>
internal struct BufferedXoshiro : IBitSource
{
    private readonly ulong[] _buffer;
    private Xoshiro256x4 _lanes;

    public BufferedXoshiro(ulong[] buffer, Xoshiro256x4 lanes)
    {
        if (buffer.Length % 4 != 0)
        {
            throw new ArgumentException("The buffer's length must be a multiple of 4.", nameof(buffer));
        }

        _buffer = buffer;
        _lanes = lanes;
        Index = buffer.Length;
    }

    /// <summary>The next unread word of the buffer (equal to the buffer's length when it is used up).</summary>
    public int Index;

    /// <summary>The buffer; words before <see cref="Index"/> are consumed.</summary>
    public readonly ulong[] Buffer => _buffer;

    /// <summary>Fills the whole buffer with the next words and rewinds <see cref="Index"/> to 0.</summary>
    public void Refill()
    {
        _lanes.Fill(_buffer);
        Index = 0;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Next()
    {
        if (Index == _buffer.Length)
        {
            Refill();
        }

        return _buffer[Index++];
    }
}
