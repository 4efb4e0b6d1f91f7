using SanctionsSim.Calibration;

namespace SanctionsSim.Scorecard;

/// <summary>Where the model's structure comes from in a scorecard.</summary>
public enum ScorecardStructure
{
    /// <summary>Calibrated on the training folds of each fold (out of sample in structure and in outcome).</summary>
    Calibrated,

    /// <summary>A given posterior for every fold (<see cref="ScorecardOptions.Posterior"/>, the shipped one by default): cheaper, but the posterior may have seen the held-out case.</summary>
    Given,
}

/// <summary>Settings of a scorecard (docs/validation.md, §The scorecard).</summary>
/// <threadsafety>Mutable options; copy before sharing across threads.</threadsafety>
public sealed class ScorecardOptions
{
    /// <summary>Number of folds; 0 (the default) holds out one case at a time.</summary>
    public int Folds { get; set; }

    /// <summary>Where the model's structure comes from.</summary>
    public ScorecardStructure Structure { get; set; } = ScorecardStructure.Calibrated;

    /// <summary>With <see cref="ScorecardStructure.Given"/>: the posterior; null for the shipped one.</summary>
    public Posterior? Posterior { get; set; }

    /// <summary>Particles of each fold's calibration.</summary>
    public int Particles { get; set; } = 200;

    /// <summary>Generations of each fold's calibration.</summary>
    public int Generations { get; set; } = 3;

    /// <summary>Replications per case and particle in each fold's calibration.</summary>
    public int ReplicationsPerCase { get; set; } = CaseCalibration.DefaultReplicationsPerCase;

    /// <summary>Replications of each held-out case's forecast.</summary>
    public int Runs { get; set; } = 200;

    /// <summary>Switch the high command on in every case (a structural switch: all cases alike).</summary>
    public bool HighCommand { get; set; }

    /// <summary>The seed: folds, calibrations and forecasts are a function of it.</summary>
    public ulong Seed { get; set; } = 1;

    /// <summary>Worker threads, −1 for every core; results do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>The confidence level of intervals.</summary>
    public double Confidence { get; set; } = 0.95;

    /// <summary>Checks the settings.</summary>
    /// <param name="cases">The number of cases to score.</param>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it, its value and the range.</exception>
    public void Validate(int cases)
    {
        var errors = new List<string>();
        if (cases < 3)
        {
            errors.Add($"a scorecard needs at least 3 cases; got {cases}.");
        }

        if (Folds != 0 && (Folds < 2 || Folds > cases))
        {
            errors.Add($"Folds must be 0 (leave one out) or in [2, {cases}] (the number of cases); got {Folds}.");
        }

        if (Particles is < 10 or > 10_000_000)
        {
            errors.Add($"Particles must be in [10, 10^7]; got {Particles}.");
        }

        if (Generations < 1)
        {
            errors.Add($"Generations must be at least 1; got {Generations}.");
        }

        if (ReplicationsPerCase < 1)
        {
            errors.Add($"ReplicationsPerCase must be at least 1; got {ReplicationsPerCase}.");
        }

        if (Runs < 10)
        {
            errors.Add($"Runs must be at least 10; got {Runs}.");
        }

        if (!(Confidence > 0 && Confidence < 1))
        {
            errors.Add($"Confidence must be in (0, 1); got {Confidence}.");
        }

        if (MaxDegreeOfParallelism is 0 or < -1)
        {
            errors.Add($"MaxDegreeOfParallelism must be -1 or at least 1; got {MaxDegreeOfParallelism}.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors));
        }
    }
}
