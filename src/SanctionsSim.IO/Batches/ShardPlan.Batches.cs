using SanctionsSim.Analysis;
using SanctionsSim.Simulation;

namespace SanctionsSim.IO.Batches;

/// <summary>The batches a plan describes, built again from plan.json anywhere.</summary>
internal sealed partial class ShardPlan
{
    /// <summary>The batch of a planned <c>run</c>: the scenario's replications under the plan's <see cref="Structure"/>.</summary>
    /// <returns>The batch.</returns>
    public MonteCarloBatch<SanctionsSummary> RunBatch() => MonteCarloBatch.Of(Scenario(), Structure().Posterior, Seed, Confidence, FactRanges());

    /// <summary>
    /// The uncertain facts a planned <c>run</c> of a case of the case base draws within their ranges, as <c>run</c> does
    /// (<c>--facts ranges</c>, the default): none when plan.json records no <c>facts</c> (a scenario file, a preset, <c>--facts fixed</c>).
    /// </summary>
    /// <returns>The ranges.</returns>
    /// <exception cref="FolderStateException">The recorded case or its count of ranges is not this version's.</exception>
    public IReadOnlyList<Scenarios.Cases.FactRange> FactRanges()
    {
        if (Json["facts"] is not System.Text.Json.Nodes.JsonObject facts)
        {
            return [];
        }

        string name = facts["case"]?.GetValue<string>() ?? "";
        var ranges = Scenarios.Cases.CaseBase.Contains(name) ? Inputs.InputFiles.FactRanges(null, name, "ranges", Scenario()) : [];
        return ranges.Count == (facts["uncertainFacts"]?.GetValue<int>() ?? -1)
            ? ranges
            : throw new FolderStateException($"{PlanPath} draws {facts["uncertainFacts"]} facts of the case '{name}' within their ranges; this version's case base has {ranges.Count}: the plan was edited, plan again.");
    }

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
