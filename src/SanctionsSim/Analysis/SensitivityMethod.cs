namespace SanctionsSim.Analysis;

/// <summary>A global sensitivity method.</summary>
public enum SensitivityMethod
{
    /// <summary>Sobol first-order and total indices (Saltelli design, N(k + 2) points).</summary>
    Sobol,

    /// <summary>Morris elementary effects μ*, σ (r(k + 1) points): cheap screening.</summary>
    Morris,
}
