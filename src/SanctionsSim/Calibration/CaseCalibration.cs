using SanctionsSim.Experiments;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;

namespace SanctionsSim.Calibration;

/// <summary>
/// The calibration of structural parameters on historical cases, as an <see cref="IAbcModel"/> for
/// <see cref="AbcSmc"/>: a particle sets the structural parameters in every case's scenario, one replication of
/// each case is simulated, and the distance is the root sum of the cases' squared distances
/// (<see cref="HistoricalCase.Distance"/>). docs/cases.md.
/// </summary>
/// <threadsafety>Immutable; simulators are per thread.</threadsafety>
public sealed class CaseCalibration : IAbcModel
{
    private readonly Scenario[] _scenarios;
    private readonly StructuralParameter[] _structure;

    /// <summary>Prepares a calibration.</summary>
    /// <param name="cases">The cases (at least one, names unique).</param>
    /// <param name="parameters">The structural parameters to calibrate (default: every one in <see cref="StructuralParameters.All"/>).</param>
    /// <param name="priors">Priors replacing the parameters' own (matched by name; each must name a calibrated parameter).</param>
    /// <exception cref="ArgumentException">No case, a case twice, a prior naming no calibrated parameter, or an invalid prior.</exception>
    public CaseCalibration(IReadOnlyList<HistoricalCase> cases, IReadOnlyList<StructuralParameter>? parameters = null, IReadOnlyList<ExperimentParameter>? priors = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        if (cases.Count == 0)
        {
            throw new ArgumentException("A calibration needs at least one case.", nameof(cases));
        }

        if (cases.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != cases.Count)
        {
            throw new ArgumentException($"A case appears twice in [{string.Join(", ", cases.Select(c => c.Name))}].", nameof(cases));
        }

        Cases = [.. cases];
        _structure = [.. parameters ?? StructuralParameters.All];
        if (_structure.Length == 0)
        {
            throw new ArgumentException("A calibration needs at least one structural parameter.", nameof(parameters));
        }

        var chosen = _structure.Select(p => p.Prior).ToArray();
        foreach (var prior in priors ?? [])
        {
            ArgumentNullException.ThrowIfNull(prior);
            int j = Array.FindIndex(_structure, p => p.Name == prior.Name);
            if (j < 0)
            {
                throw new ArgumentException($"The prior '{prior.Name}' names no calibrated parameter.{Internal.Suggest.DidYouMean(prior.Name, _structure.Select(p => p.Name))} Calibrated: {string.Join(", ", _structure.Select(p => p.Name))}.", nameof(priors));
            }

            chosen[j] = prior;
        }

        ExperimentParameter.ValidateAll(chosen, nameof(priors));
        Parameters = chosen;
        _scenarios = Cases.Select(c => c.Scenario).ToArray();
    }

    /// <summary>The cases.</summary>
    public IReadOnlyList<HistoricalCase> Cases { get; }

    /// <summary>The structural parameters calibrated, in the order of <see cref="Parameters"/>.</summary>
    public IReadOnlyList<StructuralParameter> Structure => _structure;

    /// <inheritdoc />
    public IReadOnlyList<ExperimentParameter> Parameters { get; }

    /// <summary>A case's scenario with the structural parameters set to <paramref name="theta"/>.</summary>
    /// <param name="caseIndex">The case's index in <see cref="Cases"/>.</param>
    /// <param name="theta">The parameters' values.</param>
    /// <returns>The scenario.</returns>
    public Scenario ScenarioAt(int caseIndex, ReadOnlySpan<double> theta) => StructuralParameters.Apply(_scenarios[caseIndex], _structure, theta);

    /// <inheritdoc />
    public IAbcSimulator CreateSimulator() => new Simulator(this);

    /// <summary>The seed of case <paramref name="caseIndex"/>'s replication for a simulation seed, so the cases draw independently.</summary>
    internal static ulong CaseSeed(ulong seed, int caseIndex) => RandomStream.CounterBits(seed, 0x5CA5E, caseIndex);

    private sealed class Simulator(CaseCalibration owner) : IAbcSimulator
    {
        public double Distance(ReadOnlySpan<double> theta, ulong seed, long index)
        {
            double sum = 0;
            for (int c = 0; c < owner.Cases.Count; c++)
            {
                var plan = new SimulationPlan(owner.ScenarioAt(c, theta));
                var replication = new Replication(plan);
                replication.Run(CaseSeed(seed, c), index);
                double d = owner.Cases[c].Distance(CaseStatistics.From(replication.Metrics, plan.FactionCount));
                sum += d * d;
            }

            return Math.Sqrt(sum);
        }
    }
}
