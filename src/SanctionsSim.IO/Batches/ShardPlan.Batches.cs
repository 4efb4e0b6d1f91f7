using SanctionsSim.Analysis;
using SanctionsSim.Simulation;

namespace SanctionsSim.IO.Batches;

/// <summary>The batches a plan describes, built again from plan.json anywhere.</summary>
internal sealed partial class ShardPlan
{
    /// <summary>The batch of a planned <c>run</c>: the scenario's replications under the plan's <see cref="Structure"/>.</summary>
    /// <returns>The batch.</returns>
    public MonteCarloBatch<SanctionsSummary> RunBatch() => MonteCarloBatch.Of(Scenario(), Structure().Posterior, Seed, Confidence);

    /// <summary>The batch of a planned <c>compare</c>: every arm on the same replications, under the plan's <see cref="Structure"/>.</summary>
    /// <returns>The batch.</returns>
    public MonteCarloBatch<ComparisonSummary> CompareBatch()
        => MonteCarloBatch.Of(new PolicyComparison(Json["arms"]!.AsArray().Select(a => Scenario(a!)).ToArray(), Structure().Posterior), Seed, Confidence);

    /// <summary>The definition of a planned <c>sweep</c>.</summary>
    /// <returns>The definition.</returns>
    public SweepDefinition Sweep() => SweepDefinition.FromJson(Json["sweep"]!, Scenario(), Seed, Confidence);

    /// <summary>The definition of a planned <c>sensitivity</c> analysis.</summary>
    /// <returns>The definition.</returns>
    public SensitivityDefinition Sensitivity() => SensitivityDefinition.FromJson(Json["sensitivity"]!, Scenario(), Seed, Confidence);
}
