using System.Reflection;
using SanctionsSim.Analysis;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

namespace SanctionsSim.Tests.Simulation;

/// <summary>The public summaries are immutable: the runner fills internal accumulators and freezes them (#28 item 6).</summary>
public class SanctionsSummaryTests
{
    [TestCase(typeof(SanctionsSummary))]
    [TestCase(typeof(ComparisonSummary))]
    public void APublicSummary_HasNoMutator_AndIsNoMergeableAccumulator(Type type)
    {
        type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IMergeableSummary<>)).ShouldBeEmpty();
        const BindingFlags All = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        type.GetProperties(All).Where(p => p.SetMethod is not null).Select(p => p.Name).ShouldBeEmpty("no setter, public or not");
        type.GetFields(All).Where(f => !f.IsInitOnly).Select(f => f.Name).ShouldBeEmpty("every field readonly");
        type.GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly)
            .Where(m => m.ReturnType == typeof(void) && m.Name != nameof(SanctionsSummary.WriteTo))
            .Select(m => m.Name).ShouldBeEmpty("no public method that changes it");
    }

    [Test]
    public void AFrozenAccumulator_RefusesEveryChange_AndCombiningLeavesBothSummariesAlone()
    {
        var model = new SanctionsModel(Presets.Get("venezuela-2019"));
        var options = new MonteCarloOptions { Replications = 12, Seed = 3, MaxDegreeOfParallelism = 1 };
        SanctionsSummary first = model.Simulate(options).Summary;
        SanctionsSummary second = model.Simulate(new MonteCarloOptions { Replications = 12, FirstReplication = 12, Seed = 3, MaxDegreeOfParallelism = 1 }).Summary;
        SanctionsSummary whole = model.Simulate(new MonteCarloOptions { Replications = 24, Seed = 3, MaxDegreeOfParallelism = 2 }).Summary;

        first.State.IsFrozen.ShouldBeTrue();
        Should.Throw<InvalidOperationException>(() => first.State.MergeFrom(second.State));
        Should.Throw<InvalidOperationException>(() => first.State.Reset());
        Should.Throw<InvalidOperationException>(() => first.State.ReadFrom(new MemoryStream()));

        SanctionsSummary combined = first.Combine(second);
        combined.ExactlyEquals(whole).ShouldBeTrue("combining is exact: bit for bit one batch");
        first.Replications.ShouldBe(12);
        second.Replications.ShouldBe(12);
        combined.State.IsFrozen.ShouldBeTrue();
    }

    [Test]
    public void TheQuantiles_SplitTheReplicationsAtTheirLevel_WithinTheHistogramsBin()
    {
        var model = new SanctionsModel(Presets.Get("venezuela-2019-amnesty"));
        const int N = 150;
        SanctionsSummary summary = model.Simulate(new MonteCarloOptions { Replications = N, Seed = 11, MaxDegreeOfParallelism = 2 }).Summary;
        var runs = Enumerable.Range(0, N).Select(i => model.RunSingle(11, i)).ToArray();
        double[] shares = [.. runs.Select(r => r.FinalDefectedShare)];
        double[] cascades = [.. runs.Select(r => (double)r.LargestWeeklyCascade)];
        cascades.Distinct().Count().ShouldBeGreaterThan(5, "a batch whose cascades vary");
        foreach (double p in new[] { 0.05, 0.25, 0.5, 0.75, 0.95 })
        {
            // a p-quantile has at least p of the runs at or below it and at most p strictly below it, up to the bin width
            double q = summary.FinalDefectedShareQuantile(p);
            (shares.Count(x => x <= q + 0.001) / (double)N).ShouldBeGreaterThanOrEqualTo(p, $"share, p = {p}");
            (shares.Count(x => x < q - 0.001) / (double)N).ShouldBeLessThanOrEqualTo(p, $"share, p = {p}");
            double c = summary.LargestWeeklyCascadeQuantile(p);
            (cascades.Count(x => x <= c + 1) / (double)N).ShouldBeGreaterThanOrEqualTo(p, $"cascade, p = {p}");
            (cascades.Count(x => x < c - 1) / (double)N).ShouldBeLessThanOrEqualTo(p, $"cascade, p = {p}");
        }

        summary.FinalDefectedShareQuantile(0.95).ShouldBeGreaterThanOrEqualTo(summary.FinalDefectedShareQuantile(0.05));
        Should.Throw<ArgumentOutOfRangeException>(() => summary.FinalDefectedShareQuantile(double.NaN)).ParamName.ShouldBe("p");
        Should.Throw<ArgumentOutOfRangeException>(() => summary.LargestWeeklyCascadeQuantile(1.5)).Message.ShouldContain("[0, 1]");
    }
}
