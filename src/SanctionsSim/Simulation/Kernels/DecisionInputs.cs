using SanctionsSim.Simulation.Actors;
using SanctionsSim.Simulation.Decision;
using SanctionsSim.Simulation.Draws;

namespace SanctionsSim.Simulation.Kernels;

/// <summary>What a decision kernel reads in one week: the officers' attributes and state, the week's coefficients and draws.</summary>
internal readonly ref struct DecisionInputs
{
    public DecisionInputs(OfficerCorps corps, DecisionCoefficients coefficients, DrawRow draws)
        : this(corps.State, corps.Assets, corps.Family, corps.Loyalty, corps.TieWeight, corps.DefectedTieWeight, corps.Group, coefficients, draws)
    {
        PurgedTies = corps.PurgedTieWeight;
    }

    /// <summary>Inputs from explicit arrays (tests, benchmarks).</summary>
    public DecisionInputs(ReadOnlySpan<byte> state, ReadOnlySpan<double> assets, ReadOnlySpan<double> family, ReadOnlySpan<double> loyalty, ReadOnlySpan<double> ties, ReadOnlySpan<double> defectedTies, ReadOnlySpan<int> group, DecisionCoefficients coefficients, DrawRow draws)
    {
        State = state;
        Assets = assets;
        Family = family;
        Loyalty = loyalty;
        Ties = ties;
        DefectedTies = defectedTies;
        Group = group;
        Coefficients = coefficients;
        Draws = draws;
    }

    public ReadOnlySpan<byte> State { get; }

    public ReadOnlySpan<double> Assets { get; }

    public ReadOnlySpan<double> Family { get; }

    public ReadOnlySpan<double> Loyalty { get; }

    public ReadOnlySpan<double> Ties { get; }

    public ReadOnlySpan<double> DefectedTies { get; }

    public ReadOnlySpan<int> Group { get; }

    /// <summary>The weight of each officer's ties seen purged after an attempt (the conditional amnesty's evidence; empty when not tracked).</summary>
    public ReadOnlySpan<double> PurgedTies { get; init; }

    public DecisionCoefficients Coefficients { get; }

    /// <summary>The week's decision draws, one per officer.</summary>
    public DrawRow Draws { get; }
}
