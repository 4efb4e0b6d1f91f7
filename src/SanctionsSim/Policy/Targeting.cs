namespace SanctionsSim.Policy;

/// <summary>Whom a contact campaign reaches first.</summary>
public enum Targeting
{
    /// <summary>Officers in a random order (drawn once per replication).</summary>
    Random = 0,

    /// <summary>Generals first (random order within rank).</summary>
    GeneralsFirst = 1,

    /// <summary>Personally sanctioned officers first, then generals, then the rest.</summary>
    SanctionedFirst = 2,

    /// <summary>Officers commanding the most troops first.</summary>
    HighestWeight = 3,
}
