namespace SanctionsSim.Policy;

/// <summary>
/// The week's cuts to the regime's revenue and reserves, as the instruments in force apply them
/// (<see cref="InstrumentEffect.ApplyToEconomy"/>). Cuts multiply: two 50 % cuts keep 25 %.
/// </summary>
/// <threadsafety>One instance per replication worker; not for sharing.</threadsafety>
public sealed class EconomyEffects
{
    internal EconomyEffects()
    {
        Reset();
    }

    /// <summary>The share of oil revenue the regime keeps this week (so far).</summary>
    public double OilRevenueKept { get; private set; }

    /// <summary>The share of other revenue the regime keeps this week (so far).</summary>
    public double OtherRevenueKept { get; private set; }

    /// <summary>The share of reserves abroad the regime can reach this week (so far).</summary>
    public double ReservesReachable { get; private set; }

    /// <summary>The share of the patrons' economic support (oil purchases, loans) that secondary sanctions leave this week (so far).</summary>
    public double PatronSupportKept { get; private set; }

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

    /// <summary>Cuts the patrons' economic support by <paramref name="share"/> (secondary sanctions).</summary>
    /// <param name="share">In [0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">Outside [0, 1], or NaN.</exception>
    public void CutPatronSupport(double share) => PatronSupportKept *= 1 - Checked(share);

    internal void Reset()
    {
        PatronSupportKept = 1;
        OilRevenueKept = 1;
        OtherRevenueKept = 1;
        ReservesReachable = 1;
    }

    private static double Checked(double share)
        => share is >= 0 and <= 1 ? share : throw new ArgumentOutOfRangeException(nameof(share), share, "A share cut must be in [0, 1].");
}
