using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Scorecard;

/// <summary>One bin of the model's reliability diagram for one outcome type: forecasts in [Lower, Upper) against how often the type happened.</summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record ReliabilityBin
{
    /// <summary>The outcome type.</summary>
    public required OutcomeType Type { get; init; }

    /// <summary>The bin's lower bound of forecast probability.</summary>
    public required double Lower { get; init; }

    /// <summary>The bin's upper bound of forecast probability.</summary>
    public required double Upper { get; init; }

    /// <summary>The mean forecast probability of the type over the cases in the bin.</summary>
    public required double MeanForecast { get; init; }

    /// <summary>How often the type happened among them.</summary>
    public required ProportionEstimate Observed { get; init; }

    /// <summary>Whether the mean forecast lies in the Wilson interval of the observed frequency (the bin is reliable).</summary>
    public required bool Reliable { get; init; }
}
