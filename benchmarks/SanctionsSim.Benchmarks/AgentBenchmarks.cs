using BenchmarkDotNet.Attributes;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Policy;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

namespace SanctionsSim.Benchmarks;

/// <summary>
/// What the adaptive agents cost: one replication of the Venezuela 2019 preset with every agent (patrons, the
/// regime's repertoire, the senders' commitment) against the same preset as it was before the agents (agents
/// neutral, the earlier loyalty means: the scenario whose results the earlier golden summary holds).
/// </summary>
[MemoryDiagnoser]
public class AgentBenchmarks
{
    private IReplicationWorker<SanctionsAccumulator> _worker = null!;
    private SanctionsAccumulator _summary = null!;
    private long _replication;

    [Params("before-agents", "with-agents")]
    public string Variant { get; set; } = "with-agents";

    [GlobalSetup]
    public void Setup()
    {
        Scenario preset = Presets.Get(Presets.Default);
        var model = new SanctionsModel(Variant == "with-agents" ? preset : BeforeAgents(preset));
        _worker = model.CreateWorker();
        _summary = model.CreateAccumulator();
    }

    [Benchmark]
    public long Replication()
    {
        _worker.Run(2019, _replication++, _summary);
        return _summary.Replications;
    }

    /// <summary>The preset with its agents neutral and the loyalty means it had before them.</summary>
    internal static Scenario BeforeAgents(Scenario s)
    {
        return s with
        {
            Coalition = s.Coalition.Select(x => x with { Commitment = new Commitment(), LiftBelowCommitment = 0, CredibilityElasticity = 0 }).ToArray(),
            Patrons = [],
            Regime = s.Regime with { CoupProofing = new CoupProofing() },
            Factions = s.Factions.Select(f => f.Name == "intelligence"
                ? f with { GeneralLoyaltyMean = 1.3, SeniorLoyaltyMean = 1.0, LoyaltyShift = 0 }
                : f with { GeneralLoyaltyMean = 0.9, SeniorLoyaltyMean = 0.6 }).ToArray(),
        };
    }
}
