using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SanctionsSim.Calibration;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

namespace SanctionsSim.Analysis;

/// <summary>
/// A behavioural fingerprint of the model: the SHA-256 of the summaries of a small fixed set of runs at a fixed seed,
/// and of the shipped posterior. It changes when the model's behaviour changes (a rule, a constant, a preset's
/// default, the shipped calibration) and not when code is only refactored. Results files of the documentation record
/// it (<c>modelHash</c>), and <c>sanctionssim docs render --check</c> fails on a file whose fingerprint is no longer the
/// model's, so a model change forces its numbers to be regenerated (docs/results.md). Stamp a results file of your own
/// with <see cref="Compute()"/> to know later whether the model that produced it is still the model you run.
/// </summary>
/// <remarks>
/// The runs, each <see cref="Replications"/> replications at seed <see cref="Seed"/>: every preset of
/// <see cref="PresetNames"/> on the library's structural defaults; the same presets with the high command switched on;
/// and the first preset with each replication's structure drawn from the shipped posterior
/// (<see cref="Posterior.Default"/>). Each run's summary (replications, collapses, the four outcome counts, and the
/// means of weeks survived, final defected share, early general defections, early low-rank crossings, purges,
/// humanitarian burden, revenue lost, officers reached and each sender's cost, written in round-trip form) is one line
/// of a text; the fingerprint is the SHA-256 of that text followed by the posterior's own hash
/// (<see cref="Posterior.Hash"/>). A batch's summary does not depend on the thread count (the model's rule), so
/// neither does the fingerprint. It takes about a second on two cores.
/// </remarks>
public static class ModelFingerprint
{
    /// <summary>Replications of each run.</summary>
    internal const int Replications = 100;

    /// <summary>The seed of every run.</summary>
    internal const ulong Seed = 2019;

    /// <summary>The presets run: the Venezuela baseline, its amnesty counterfactual and one case of the case base.</summary>
    internal static IReadOnlyList<string> PresetNames { get; } = ["venezuela-2019", "venezuela-2019-amnesty", "egypt-2011"];

    /// <summary>The model's fingerprint: the library's presets, structural defaults and shipped posterior.</summary>
    /// <returns>64 lower-case hexadecimal digits.</returns>
    public static string Compute() => Compute(Presets.Get, Posterior.Default, -1);

    /// <summary>The fingerprint of a model given by its presets and posterior (a test changes one to see the fingerprint change).</summary>
    /// <param name="scenario">The scenario of each name of <see cref="PresetNames"/>.</param>
    /// <param name="posterior">The posterior whose structures the third kind of run draws.</param>
    /// <param name="maxDegreeOfParallelism">Worker threads, or -1 for one per core; the fingerprint does not depend on it.</param>
    /// <returns>64 lower-case hexadecimal digits.</returns>
    internal static string Compute(Func<string, Scenario> scenario, Posterior posterior, int maxDegreeOfParallelism)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Describe(scenario, posterior, maxDegreeOfParallelism))));

    /// <summary>The text whose SHA-256 is the fingerprint: one line per run, then the posterior's hash.</summary>
    /// <param name="scenario">The scenario of each name of <see cref="PresetNames"/>.</param>
    /// <param name="posterior">The posterior whose structures the third kind of run draws.</param>
    /// <param name="maxDegreeOfParallelism">Worker threads, or -1 for one per core.</param>
    /// <returns>The text.</returns>
    internal static string Describe(Func<string, Scenario> scenario, Posterior posterior, int maxDegreeOfParallelism)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(posterior);
        var options = new MonteCarloOptions { Replications = Replications, Seed = Seed, MaxDegreeOfParallelism = maxDegreeOfParallelism };
        var text = new StringBuilder();
        foreach (string name in PresetNames)
        {
            var s = scenario(name);
            Line(text, name, s, new SanctionsModel(s).Simulate(options).Summary);
            var commanded = s with { HighCommand = s.HighCommand with { Enabled = true } };
            Line(text, name + " +high-command", commanded, new SanctionsModel(commanded).Simulate(options).Summary);
        }

        var first = scenario(PresetNames[0]);
        Line(text, PresetNames[0] + " +posterior", first, new PosteriorModel(first, posterior).Simulate(options).Summary);
        text.Append("posterior ").Append(posterior.Hash).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// A behavioural hash of one scenario: the SHA-256 of its run's summary line (<see cref="Replications"/>
    /// replications at <see cref="Seed"/>, on its own structure). It changes when the scenario's behaviour changes,
    /// and not when the scenario file only gains a field at a default that changes nothing (a new mechanism, off):
    /// results files record it for each preset they name, so a preset's edit makes them stale and a new field does not.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="maxDegreeOfParallelism">Worker threads, or -1 for one per core; the hash does not depend on it.</param>
    /// <returns>64 lower-case hexadecimal digits.</returns>
    internal static string OfScenario(Scenario scenario, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var text = new StringBuilder();
        Line(text, "scenario", scenario, new SanctionsModel(scenario).Simulate(new MonteCarloOptions { Replications = Replications, Seed = Seed, MaxDegreeOfParallelism = maxDegreeOfParallelism }).Summary);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void Line(StringBuilder text, string label, Scenario scenario, SanctionsSummary s)
    {
        var c = CultureInfo.InvariantCulture;
        text.Append(c, $"{label}: replications={s.Replications} collapses={s.Collapses} outcomes={string.Join(',', s.Outcomes.Select(o => o.Probability.Successes))}");
        text.Append(c, $" weeksSurvived={s.WeeksSurvived.Mean:R} finalShare={s.FinalDefectedShare.Mean:R} earlyGenerals={s.EarlyGeneralDefections.Mean:R}");
        text.Append(c, $" earlyLowRank={s.EarlyLowRankCrossings.Mean:R} purges={s.Purges.Mean:R} humanitarian={s.HumanitarianBurden.Mean:R}");
        text.Append(c, $" revenueLost={s.RevenueLost.Mean:R} officersReached={s.OfficersReached.Mean:R}");
        foreach (var sender in scenario.Coalition)
        {
            text.Append(c, $" cost.{sender.Name}={s.SenderCost(sender.Name).Mean:R}");
        }

        text.Append('\n');
    }
}
