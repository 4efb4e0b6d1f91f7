using System.Runtime.CompilerServices;

namespace SanctionsSim.MonteCarlo;

/// <summary>
/// An exact accumulator of finite doubles (a small Kulisch-style fixed-point superaccumulator):
/// the sum is held without rounding, so adding the same values in any order, or merging partial sums in any
/// grouping, gives bit-identical results. This is what lets Monte Carlo summaries merge exactly across threads,
/// processes and machines.
/// </summary>
/// <remarks>
/// Every finite double is an integer multiple of 2^-1074. Its value is spread over 32-bit digits held in
/// signed 64-bit limbs, so carries can be deferred for 2^30 additions. Reading the sum rounds once, to
/// nearest (ties to even, through the correctly rounded <see cref="UInt128"/> to <see cref="double"/>
/// conversion), except that sums in the subnormal range may be rounded twice.
/// </remarks>
internal sealed class ExactSum
{
    private const int LimbCount = 70; // 2098 bits of double range + 84 bits of mantissa spill + carry headroom
    private const int CarryBudget = 1 << 30;

    private readonly long[] _limbs = new long[LimbCount];
    private int _pendingAdds;

    /// <summary>Adds a finite value exactly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        int exponent = (int)((bits >> 52) & 0x7FF);
        if (exponent == 0x7FF)
        {
            ThrowNonFinite(value);
        }

        ulong mantissa = (ulong)bits & 0xF_FFFF_FFFF_FFFFUL;
        if (exponent == 0)
        {
            if (mantissa == 0)
            {
                return;
            }

            exponent = 1; // subnormal: mantissa * 2^-1074
        }
        else
        {
            mantissa |= 1UL << 52;
        }

        int position = exponent - 1;
        int limb = position >> 5;
        UInt128 spread = (UInt128)mantissa << (position & 31);
        long d0 = (long)(uint)spread;
        long d1 = (long)(uint)(spread >> 32);
        long d2 = (long)(uint)(spread >> 64);
        if (bits < 0)
        {
            _limbs[limb] -= d0;
            _limbs[limb + 1] -= d1;
            _limbs[limb + 2] -= d2;
        }
        else
        {
            _limbs[limb] += d0;
            _limbs[limb + 1] += d1;
            _limbs[limb + 2] += d2;
        }

        if (++_pendingAdds >= CarryBudget)
        {
            Normalize();
        }
    }

    /// <summary>Adds another accumulator's exact sum to this one.</summary>
    public void Add(ExactSum other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Normalize();
        other.Normalize();
        for (int i = 0; i < LimbCount; i++)
        {
            _limbs[i] += other._limbs[i];
        }

        _pendingAdds = 1;
    }

    /// <summary>Writes the exact state (normalised limbs), sparsely: only the limbs that are not zero (a sum of a few values touches a few).</summary>
    /// <param name="writer">The writer.</param>
    public void Write(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Normalize();
        int filled = 0;
        foreach (long limb in _limbs)
        {
            filled += limb != 0 ? 1 : 0;
        }

        writer.Write(filled);
        for (int i = 0; i < _limbs.Length; i++)
        {
            if (_limbs[i] != 0)
            {
                writer.Write((short)i);
                writer.Write(_limbs[i]);
            }
        }
    }

    /// <summary>Reads a state written by <see cref="Write"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <exception cref="InvalidDataException">The data is not an exact sum's state.</exception>
    public void Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        Array.Clear(_limbs);
        int filled = reader.ReadInt32();
        if (filled < 0 || filled > LimbCount)
        {
            throw new InvalidDataException($"An exact sum cannot have {filled} limbs.");
        }

        int previous = -1;
        for (int k = 0; k < filled; k++)
        {
            int i = reader.ReadInt16();
            if (i <= previous || i >= LimbCount)
            {
                throw new InvalidDataException($"An exact sum's limb {i} is out of order or range.");
            }

            _limbs[i] = reader.ReadInt64();
            previous = i;
        }

        _pendingAdds = 0;
    }

    /// <summary>Resets to zero.</summary>
    public void Clear()
    {
        Array.Clear(_limbs);
        _pendingAdds = 0;
    }

    /// <summary>Copies another accumulator's state into this one.</summary>
    public void CopyFrom(ExactSum other)
    {
        Array.Copy(other._limbs, _limbs, LimbCount);
        _pendingAdds = other._pendingAdds;
    }

    /// <summary>True when both accumulators hold the same exact value.</summary>
    public bool ValueEquals(ExactSum other)
    {
        Normalize();
        other.Normalize();
        return _limbs.AsSpan().SequenceEqual(other._limbs);
    }

    /// <summary>The sum, rounded once to the nearest double.</summary>
    public double ToDouble()
    {
        Normalize();
        Span<long> digits = stackalloc long[LimbCount];
        _limbs.CopyTo(digits);
        bool negative = digits[LimbCount - 1] < 0;
        if (negative)
        {
            for (int i = 0; i < LimbCount; i++)
            {
                digits[i] = -digits[i];
            }

            Propagate(digits);
        }

        int top = LimbCount - 1;
        while (top >= 0 && digits[top] == 0)
        {
            top--;
        }

        if (top < 0)
        {
            return 0.0;
        }

        int low = Math.Max(0, top - 2);
        UInt128 window = 0;
        for (int i = top; i >= low; i--)
        {
            window = (window << 32) | (uint)digits[i];
        }

        bool sticky = false;
        for (int i = 0; i < low; i++)
        {
            sticky |= digits[i] != 0;
        }

        if (sticky)
        {
            window |= 1; // the window holds >= 65 significant bits, so this bit only breaks ties
        }

        double magnitude = Math.ScaleB((double)window, (32 * low) - 1074);
        return negative ? -magnitude : magnitude;
    }

    private void Normalize()
    {
        if (_pendingAdds == 0)
        {
            return;
        }

        Propagate(_limbs);
        _pendingAdds = 0;
    }

    private static void Propagate(Span<long> digits)
    {
        for (int i = 0; i < digits.Length - 1; i++)
        {
            long carry = digits[i] >> 32; // arithmetic shift: floor division by 2^32
            digits[i] -= carry << 32;
            digits[i + 1] += carry;
        }
    }

    private static void ThrowNonFinite(double value)
        => throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite values can be accumulated; got " + value.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".");
}
