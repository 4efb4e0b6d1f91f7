using SanctionsSim.Internal;

namespace SanctionsSim.Model;

/// <summary>
/// The names of the <see cref="OutcomeType"/> values in files and outputs (camelCase, as every enum of a scenario file);
/// a case's facts may also spell them in kebab case (<c>removed-by-high-command</c>), as the dossier format does.
/// </summary>
internal static class OutcomeTypes
{
    private static readonly string[] Names = ["survived", "removedByHighCommand", "collapseByDefection", "split"];
    private static readonly string[] KebabNames = ["survived", "removed-by-high-command", "collapse-by-defection", "split"];

    /// <summary>Every outcome type's name, in the enum's order.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The file name of an outcome type, for example <c>removedByHighCommand</c>.</summary>
    /// <param name="type">The outcome type.</param>
    /// <returns>Its camelCase name.</returns>
    public static string Name(OutcomeType type) => Names[(int)type];

    /// <summary>Whether the ruler is gone under this outcome type (removed by the high command or collapsed by defection).</summary>
    /// <param name="type">The outcome type.</param>
    /// <returns>True for <see cref="OutcomeType.RemovedByHighCommand"/> and <see cref="OutcomeType.CollapseByDefection"/>.</returns>
    public static bool RulerGone(OutcomeType type) => type is OutcomeType.RemovedByHighCommand or OutcomeType.CollapseByDefection;

    /// <summary>Reads an outcome type's name.</summary>
    /// <param name="name">A name (<see cref="All"/>), or its kebab-case spelling.</param>
    /// <param name="type">The outcome type when the name is known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse(string? name, out OutcomeType type)
    {
        int i = Array.IndexOf(Names, name);
        i = i >= 0 ? i : Array.IndexOf(KebabNames, name);
        type = i < 0 ? default : (OutcomeType)i;
        return i >= 0;
    }

    /// <summary>A "did you mean" hint for an unknown name, or the list of names.</summary>
    /// <param name="name">The unknown name.</param>
    /// <returns>A sentence fragment.</returns>
    internal static string Hint(string? name) => Suggest.Closest(name ?? string.Empty, Names) is { } s ? $"did you mean '{s}'?" : "one of " + string.Join(", ", Names);
}
