using SanctionsSim.Internal;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Experiments;

/// <summary>
/// Morris's one-at-a-time trajectories (Morris 1991, "Factorial sampling plans for preliminary computational
/// experiments", Technometrics 33:161): r trajectories of k + 1 points on a p-level grid {0, 1/(p − 1), …, 1};
/// each step moves one input, in a random order, by Δ = p / (2(p − 1)) up or down, so every trajectory yields one
/// elementary effect per input. Trajectory t is drawn from the keyed stream (seed, t) and can be regenerated alone.
/// </summary>
internal sealed class MorrisDesign : ExperimentDesign
{
    private readonly int _k;
    private readonly int _trajectories;
    private readonly int _levels;
    private readonly ulong _seed;

    /// <summary>Creates the design.</summary>
    /// <param name="trajectories">r, 2 to 10^6.</param>
    /// <param name="dimensions">k, 1 to 64.</param>
    /// <param name="levels">p, an even number of grid levels, 4 to 100 (default 4).</param>
    /// <param name="seed">The seed of the trajectories.</param>
    public MorrisDesign(int trajectories, int dimensions, int levels = 4, ulong seed = 1)
    {
        _trajectories = Guard.InRange(trajectories, 2, 1_000_000);
        _k = Guard.InRange(dimensions, 1, 64);
        _levels = Guard.InRange(levels, 4, 100);
        if (levels % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(levels), levels, $"levels must be even (so that every step Δ = p/(2(p − 1)) stays on the grid); got {levels}.");
        }

        _seed = seed;
    }

    /// <summary>r, the number of trajectories.</summary>
    public int Trajectories => _trajectories;

    /// <summary>p, grid levels.</summary>
    public int Levels => _levels;

    /// <summary>Δ = p / (2(p − 1)), the step in unit coordinates.</summary>
    public double Delta => _levels / (2.0 * (_levels - 1));

    /// <inheritdoc />
    public override int Dimensions => _k;

    /// <inheritdoc />
    public override long Count => (long)_trajectories * (_k + 1);

    /// <inheritdoc />
    public override string Description => $"morris(trajectories={_trajectories}, dimensions={_k}, levels={_levels}, seed={_seed})";

    /// <summary>Which input step <paramref name="step"/> (1 to k) of trajectory <paramref name="trajectory"/> moves, and in which direction.</summary>
    /// <param name="trajectory">t, 0 to r − 1.</param>
    /// <param name="step">1 to k: the move from point step − 1 to point step.</param>
    /// <returns>The input's index and +1 (up by Δ) or −1 (down by Δ).</returns>
    public (int Input, int Direction) Step(int trajectory, int step)
    {
        Guard.InRange(trajectory, 0, _trajectories - 1);
        Guard.InRange(step, 1, _k);
        Span<int> order = stackalloc int[_k];
        Span<int> direction = stackalloc int[_k];
        Span<double> start = stackalloc double[_k];
        Draw(trajectory, order, direction, start);
        int input = order[step - 1];
        return (input, direction[input]);
    }

    /// <inheritdoc />
    protected override void Fill(long index, Span<double> unit)
    {
        int trajectory = (int)(index / (_k + 1));
        int steps = (int)(index % (_k + 1));
        Span<int> order = stackalloc int[_k];
        Span<int> direction = stackalloc int[_k];
        Draw(trajectory, order, direction, unit);
        double delta = Delta;
        for (int s = 0; s < steps; s++)
        {
            int j = order[s];
            unit[j] = Math.Clamp(unit[j] + (direction[j] * delta), 0, 1);
        }
    }

    private void Draw(int trajectory, Span<int> order, Span<int> direction, Span<double> start)
    {
        var random = new RandomStream(_seed, trajectory, StreamKeys.Design);
        int p = _levels;
        double delta = Delta;

        // levels 0 … p/2 − 1 can step up by Δ (p/2 levels); p/2 … p − 1 can step down
        for (int j = 0; j < _k; j++)
        {
            int level = random.NextInt32(p / 2);
            bool up = random.NextBernoulli(0.5);
            direction[j] = up ? 1 : -1;
            start[j] = up ? (double)level / (p - 1) : ((double)level / (p - 1)) + delta;
            order[j] = j;
        }

        for (int j = _k - 1; j > 0; j--)
        {
            int i = random.NextInt32(j + 1);
            (order[j], order[i]) = (order[i], order[j]);
        }
    }
}
