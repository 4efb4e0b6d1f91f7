using SanctionsSim.Validation;

namespace SanctionsSim.MonteCarlo;

/// <summary>Validation shared by the options that compose <see cref="MonteCarloOptions"/> (sweeps, tipping scans, sensitivity analyses).</summary>
internal static class OptionsValidation
{
    /// <summary>The problems of a per-point batch under "MonteCarlo.": the Monte Carlo options' own, plus what a design point needs (all replications from index 0, no sequential stopping, at most <paramref name="maxReplications"/>).</summary>
    public static void PerPointBatch(InputCollector<OptionError> c, MonteCarloOptions? options, long maxReplications)
    {
        const string p = "MonteCarlo";
        if (!c.NotNull(p, options))
        {
            return;
        }

        MonteCarloRunner.Check(c, p + ".", options);
        if (options.Replications > maxReplications && options.Replications <= (1L << 40))
        {
            c.In(p + ".Replications", options.Replications, ValueRange.Closed(1, maxReplications));
        }

        if (options.FirstReplication > 0)
        {
            c.Add(p + ".FirstReplication", options.FirstReplication.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be 0 (every point runs replications 0 … R − 1, for common random numbers)");
        }

        if (options.TargetHalfWidth > 0)
        {
            c.Add(p + ".TargetHalfWidth", ValueRange.Format(options.TargetHalfWidth), "must be 0 (every point runs all its replications)");
        }
    }
}
