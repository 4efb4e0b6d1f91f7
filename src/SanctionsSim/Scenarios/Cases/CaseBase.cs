using SanctionsSim.Internal;

namespace SanctionsSim.Scenarios.Cases;

/// <summary>
/// The case base shipped with the package: every historical case as a case file coded from sourced facts under
/// frozen coding rules (docs/cases.md lists them with their facts and sources, docs/coding-rules.md the rules).
/// </summary>
/// <threadsafety>Thread-safe; the cases are read once.</threadsafety>
internal static class CaseBase
{
    private const string Prefix = "SanctionsSim.Cases.Data.";
    private static readonly Lazy<IReadOnlyList<CaseFile>> Cases = new(Load);

    /// <summary>Every shipped case, ordered by name.</summary>
    public static IReadOnlyList<CaseFile> All => Cases.Value;

    /// <summary>The shipped cases' names, ordered.</summary>
    public static IReadOnlyList<string> Names => [.. Cases.Value.Select(c => c.Name)];

    /// <summary>Whether a shipped case has this name.</summary>
    /// <param name="name">A case's name.</param>
    /// <returns>True when the case base has it.</returns>
    public static bool Contains(string name) => Cases.Value.Any(c => c.Name == name);

    /// <summary>A shipped case by name.</summary>
    /// <param name="name">The case's name, for example <c>egypt-2011</c>.</param>
    /// <returns>The case.</returns>
    /// <exception cref="ArgumentException">No shipped case has that name (the message suggests the closest).</exception>
    public static CaseFile Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Cases.Value.FirstOrDefault(c => c.Name == name)
            ?? throw new ArgumentException($"Unknown case '{name}'.{Suggest.DidYouMean(name, Names)} Cases: {string.Join(", ", Names)}.", nameof(name));
    }

    private static List<CaseFile> Load()
    {
        var assembly = typeof(CaseBase).Assembly;
        var cases = new List<CaseFile>();
        foreach (string resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            try
            {
                cases.Add(CaseFile.Parse(reader.ReadToEnd()));
            }
            catch (SanctionsSim.Model.ScenarioValidationException e)
            {
                throw new InvalidOperationException($"The shipped case {resource[Prefix.Length..]} is invalid: {string.Join("; ", e.Errors)}", e);
            }
        }

        return cases;
    }
}
