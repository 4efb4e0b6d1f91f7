namespace SanctionsSim.Policy;

/// <summary>
/// The week's cuts to the regime's revenue and reserves, as the instruments in force apply them
/// (<see cref="InstrumentEffect.ApplyToEconomy"/>). Cuts multiply: two 50 % cuts keep 25 %.
/// </summary>
/// <threadsafety>One instance per replication worker; not for sharing.</threadsafety>
public sealed class EconomyEffects
{
    private readonly double[] _patronKept;
    private bool[]? _patronMask;

    internal EconomyEffects(int patrons = 0)
    {
        _patronKept = new double[patrons];
        Reset();
    }

    /// <summary>The share of oil revenue the regime keeps this week (so far).</summary>
    public double OilRevenueKept { get; private set; }

    /// <summary>The share of other revenue the regime keeps this week (so far).</summary>
    public double OtherRevenueKept { get; private set; }

    /// <summary>The share of reserves abroad the regime can reach this week (so far).</summary>
    public double ReservesReachable { get; private set; }

    /// <summary>Cuts oil revenue by <paramref name="share"/>.</summary>
    /// <param name="share">In [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1], or NaN.</exception>
    public void CutOilRevenue(double share) => OilRevenueKept *= 1 - Checked(share);

    /// <summary>Cuts other (non-oil) revenue by <paramref name="share"/>.</summary>
    /// <param name="share">In [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1], or NaN.</exception>
    public void CutOtherRevenue(double share) => OtherRevenueKept *= 1 - Checked(share);

    /// <summary>Blocks <paramref name="share"/> of the reserves abroad.</summary>
    /// <param name="share">In [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1], or NaN.</exception>
    public void BlockReserves(double share) => ReservesReachable *= 1 - Checked(share);

    /// <summary>Cuts the economic support (oil purchases, loans) of the patrons the instrument targets (all, unless it names some) by <paramref name="share"/>: secondary sanctions.</summary>
    /// <param name="share">In [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1], or NaN.</exception>
    public void CutPatronSupport(double share)
    {
        double kept = 1 - Checked(share);
        for (int p = 0; p < _patronKept.Length; p++)
        {
            if (_patronMask is null || _patronMask[p])
            {
                _patronKept[p] *= kept;
            }
        }
    }

    /// <summary>The share of patron <paramref name="patron"/>'s support that secondary sanctions leave this week.</summary>
    internal double PatronSupportKept(int patron) => _patronKept[patron];

    /// <summary>Which patrons the next instrument's cuts apply to (null: all).</summary>
    internal void TargetPatrons(bool[]? mask) => _patronMask = mask;

    internal void Reset()
    {
        Array.Fill(_patronKept, 1.0);
        _patronMask = null;
        OilRevenueKept = 1;
        OtherRevenueKept = 1;
        ReservesReachable = 1;
    }

    private static double Checked(double share)
        => share is >= 0 and <= 1 ? share : throw new ArgumentOutOfRangeException(nameof(share), share, "A share cut must be in [0, 1].");
}
