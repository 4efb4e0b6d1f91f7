using System.ComponentModel.DataAnnotations;

namespace SanctionsSim.MonteCarlo;

/// <summary>Validation shared by the options that compose <see cref="MonteCarloOptions"/> (sweeps, tipping scans, sensitivity analyses): every problem at once.</summary>
internal static class OptionsValidation
{
    /// <summary>The problems of a per-point batch: the Monte Carlo options' own, plus what a design point needs (all replications from index 0, no sequential stopping, at most <paramref name="maxReplications"/>).</summary>
    public static List<string> PerPointBatch(MonteCarloOptions? options, long maxReplications)
    {
        if (options is null)
        {
            return ["MonteCarlo must not be null."];
        }

        List<string> errors = MonteCarloRunner.Problems(options, "MonteCarlo.");
        if (options.Replications > maxReplications && options.Replications <= (1L << 40))
        {
            errors.Add($"MonteCarlo.Replications (per point) must be at most {maxReplications:N0}; got {options.Replications}.");
        }

        if (options.FirstReplication != 0 && options.FirstReplication > 0)
        {
            errors.Add($"MonteCarlo.FirstReplication must be 0 (every point runs replications 0 … R − 1, for common random numbers); got {options.FirstReplication}.");
        }

        if (options.TargetHalfWidth > 0)
        {
            errors.Add($"MonteCarlo.TargetHalfWidth must be 0 (every point runs all its replications); got {options.TargetHalfWidth.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}.");
        }

        return errors;
    }

    /// <summary>Throws one exception listing every problem, if there is any.</summary>
    /// <exception cref="ValidationException">At least one problem.</exception>
    public static void Throw(string what, List<string> problems)
    {
        if (problems.Count > 0)
        {
            throw new ValidationException($"Invalid {what} options:" + Environment.NewLine + "- " + string.Join(Environment.NewLine + "- ", problems));
        }
    }
}
