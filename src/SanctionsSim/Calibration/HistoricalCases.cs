using SanctionsSim.Internal;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Calibration;

/// <summary>The historical cases of the case base (<see cref="CaseBase"/>) as calibration targets: docs/cases.md gives the facts, their sources and the observations.</summary>
public static class HistoricalCases
{
    private static readonly Lazy<HistoricalCase[]> Cases = new(() => [.. CaseBase.All.Select(c => new HistoricalCase(c))]);

    /// <summary>Every case, ordered by name.</summary>
    public static IReadOnlyList<HistoricalCase> All => Cases.Value;

    /// <summary>The cases' names.</summary>
    public static IReadOnlyList<string> Names => [.. Cases.Value.Select(c => c.Name)];

    /// <summary>A case by name.</summary>
    /// <param name="name">A name from <see cref="Names"/>.</param>
    /// <returns>The case.</returns>
    /// <exception cref="ArgumentException">No case has that name; the message suggests the nearest and lists them.</exception>
    public static HistoricalCase Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Cases.Value.FirstOrDefault(c => c.Name == name)
            ?? throw new ArgumentException($"Unknown case '{name}'.{Suggest.DidYouMean(name, Names)} Cases: {string.Join(", ", Names)}.", nameof(name));
    }
}
