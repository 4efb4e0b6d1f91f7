using SanctionsSim.Calibration;

namespace SanctionsSim.Analysis;

/// <summary>The arms' outcomes across a posterior sample (<see cref="RobustChoice"/>).</summary>
public sealed class RobustChoiceResult
{
    private readonly double[,] _estimates;
    private readonly int[] _particles;

    internal RobustChoiceResult(IReadOnlyList<string> armNames, Posterior posterior, int[] particles, double[,] estimates, IReadOnlyList<RobustArm> arms, RobustChoiceOptions options)
    {
        ArmNames = armNames;
        Posterior = posterior;
        _particles = particles;
        _estimates = estimates;
        Arms = arms;
        Target = options.Target;
        ReplicationsPerParticle = options.ReplicationsPerParticle;
        Seed = options.Seed;
        Confidence = options.Confidence;
    }

    /// <summary>The arms' names, in input order.</summary>
    public IReadOnlyList<string> ArmNames { get; }

    /// <summary>Each arm's summary, in input order (see <see cref="RobustArm.Rank"/>).</summary>
    public IReadOnlyList<RobustArm> Arms { get; }

    /// <summary>The posterior the particles come from.</summary>
    public Posterior Posterior { get; }

    /// <summary>The particles drawn (indices into <see cref="Posterior"/>), one per row of the estimates.</summary>
    public IReadOnlyList<int> Particles => _particles;

    /// <summary>The goal P(collapse) ≥ target.</summary>
    public double Target { get; }

    /// <summary>Replications of each arm at each particle.</summary>
    public int ReplicationsPerParticle { get; }

    /// <summary>The seed.</summary>
    public ulong Seed { get; }

    /// <summary>The confidence level of the intervals.</summary>
    public double Confidence { get; }

    /// <summary>The estimated P(collapse) of arm <paramref name="arm"/> at drawn particle <paramref name="row"/>.</summary>
    /// <param name="row">A row in [0, <see cref="Particles"/>.Count).</param>
    /// <param name="arm">An arm in [0, <see cref="ArmNames"/>.Count).</param>
    /// <returns>The share of its replications that collapsed.</returns>
    public double Estimate(int row, int arm) => _estimates[row, arm];

    /// <summary>The structural parameter <paramref name="parameter"/> of drawn particle <paramref name="row"/>.</summary>
    /// <param name="row">A row.</param>
    /// <param name="parameter">A parameter index into <see cref="Posterior.Parameters"/>.</param>
    /// <returns>Its value.</returns>
    public double Parameter(int row, int parameter) => Posterior.Population[_particles[row], parameter];
}
