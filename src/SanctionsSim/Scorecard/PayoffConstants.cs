namespace SanctionsSim.Scorecard;

/// <summary>
/// The fixed constants that set the payoff scale of an officer's choice or the collapse rule (docs/model.md,
/// §Constants): none is calibrated; <see cref="ConstantSensitivity"/> measures whether the held-out scores depend on them.
/// </summary>
internal static class PayoffConstants
{
    /// <summary>Every constant, each varied by a factor of ½ to 2 around the case's value (the critical share by 0.6 to 1.5, so that it stays a share).</summary>
    public static IReadOnlyList<PayoffConstant> All { get; } =
    [
        Of("purgeCost", "regime.purgeCost", 4.0, "assumption: the cost to an officer of being purged, in patronage-years"),
        Of("reprisalSeverity", "regime.reprisalSeverity", 2.0, "assumption: the cost of a reprisal against the officer's family, in patronage-years"),
        Of("gainIfRegimeFalls", "opposition.gainIfRegimeFalls", 1.5, "assumption: a defector's gain if the regime falls"),
        Of("prosecutionCost", "opposition.prosecutionCost", 1.0, "assumption: a loyalist's expected cost of prosecution after a fall"),
        Of("sanctionedProsecutionCost", "opposition.sanctionedProsecutionCost", 1.0, "assumption: the same for a sanctioned officer"),
        Of("revenueLossFallEffect", "decision.revenueLossFallEffect", 1.0, "assumption: ψ, how lost revenue raises the perceived fall probability"),
        Of("crossingSharePull", "decision.crossingSharePull", 10.0, "assumption: χ, how the visible defected share pulls rank and file across"),
        new PayoffConstant { Name = "criticalShare", Path = "collapse.criticalShare", Default = 1.0 / 3.0, LowerFactor = 0.6, UpperFactor = 1.5, Source = "assumption: the defected share of command strength at which the regime collapses" },
    ];

    /// <summary>A constant by name.</summary>
    /// <param name="name">A name from <see cref="All"/>.</param>
    /// <returns>The constant.</returns>
    /// <exception cref="ArgumentException">No constant has that name; the message suggests the nearest.</exception>
    public static PayoffConstant Get(string name)
        => All.FirstOrDefault(c => c.Name == name)
            ?? throw new ArgumentException($"Unknown constant '{name}'.{Internal.Suggest.DidYouMean(name, All.Select(c => c.Name))} Constants: {string.Join(", ", All.Select(c => c.Name))}.", nameof(name));

    private static PayoffConstant Of(string name, string path, double value, string source)
        => new() { Name = name, Path = path, Default = value, LowerFactor = 0.5, UpperFactor = 2.0, Source = source };
}
