using SanctionsSim.Calibration;
using SanctionsSim.Validation;

namespace SanctionsSim.Scorecard;

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

    /// <summary>
    /// The distance of each fold's calibration (docs/calibration.md, §Observations and the distance):
    /// <see cref="CaseDistance.Mean"/> by default; <see cref="CaseDistance.OutcomeOnly"/> fits the outcome types alone,
    /// which is what the scorecard scores.
    /// </summary>
    public CaseDistance Distance { get; set; } = CaseDistance.Mean;

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

    /// <summary>Checks the settings, reporting every problem at once.</summary>
    /// <param name="cases">The number of cases to score.</param>
    /// <exception cref="InvalidInputException">At least one option is invalid; <see cref="InvalidInputException.Errors"/> names each with its value and range.</exception>
    public void Validate(int cases)
    {
        var c = new OptionsCollector("scorecard options");
        c.In("cases", cases, ValueRange.AtLeast(3));
        if (Folds != 0 && (Folds < 2 || Folds > cases))
        {
            c.Add(nameof(Folds), Folds.ToString(System.Globalization.CultureInfo.InvariantCulture), $"must be 0 (leave one out) or in [2, {cases}] (the number of cases)");
        }

        c.Defined(nameof(Structure), Structure);
        c.In(nameof(Particles), Particles, ValueRange.Closed(10, 10_000_000));
        c.In(nameof(Generations), Generations, ValueRange.AtLeast(1));
        c.In(nameof(ReplicationsPerCase), ReplicationsPerCase, ValueRange.AtLeast(1));
        c.Defined(nameof(Distance), Distance);
        c.In(nameof(Runs), Runs, ValueRange.AtLeast(10));
        c.In(nameof(Confidence), Confidence, ValueRange.OpenUnit);
        c.Threads(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism);
        c.ThrowIfAny();
    }
}
