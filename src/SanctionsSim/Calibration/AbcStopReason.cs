namespace SanctionsSim.Calibration;

/// <summary>Why a calibration stopped.</summary>
public enum AbcStopReason
{
    /// <summary>It ran every generation asked for.</summary>
    Generations = 0,

    /// <summary>A generation's acceptance rate fell below <see cref="AbcOptions.MinAcceptanceRate"/>; that generation is kept.</summary>
    AcceptanceRate = 1,

    /// <summary>A particle of the next generation found no acceptable proposal in 50 / <see cref="AbcOptions.MinAcceptanceRate"/> attempts; that generation was dropped and the previous one is the result.</summary>
    Exhausted = 2,
}
