namespace SanctionsSim.RareEvents;

/// <summary>From step <see cref="Step"/> on, a path's draws come from <see cref="Key"/>.</summary>
internal readonly struct PathBranch : IEquatable<PathBranch>
{
    /// <summary>Creates a branch.</summary>
    /// <param name="step">The first step drawn from the key.</param>
    /// <param name="key">The key.</param>
    public PathBranch(int step, ulong key)
    {
        Step = step;
        Key = key;
    }

    /// <summary>The first step drawn from <see cref="Key"/>.</summary>
    public int Step { get; }

    /// <summary>The key of the draws from <see cref="Step"/> on.</summary>
    public ulong Key { get; }

    /// <inheritdoc />
    public bool Equals(PathBranch other) => Step == other.Step && Key == other.Key;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PathBranch other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Step, Key);

    /// <summary>Whether two branches are equal.</summary>
    /// <param name="left">A branch.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they have the same step and key.</returns>
    public static bool operator ==(PathBranch left, PathBranch right) => left.Equals(right);

    /// <summary>Whether two branches differ.</summary>
    /// <param name="left">A branch.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether their step or key differ.</returns>
    public static bool operator !=(PathBranch left, PathBranch right) => !left.Equals(right);
}
