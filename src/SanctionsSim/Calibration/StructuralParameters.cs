using SanctionsSim.Experiments;
using SanctionsSim.Internal;
using SanctionsSim.Model;

namespace SanctionsSim.Calibration;

/// <summary>
/// The structural parameters the historical cases calibrate (docs/calibration.md, §Facts and structure). Everything a
/// case preset sets is a fact of that case; these are not set by any preset, so every case, and every scenario a
/// user writes, takes the library's defaults, which are the posterior medians of the calibration
/// (<see cref="Posterior.Default"/>).
/// </summary>
public static class StructuralParameters
{
    private static readonly StructuralParameter[] Parameters =
    [
        PerFaction("generalLoyalty", "factions[*].generalLoyaltyMean", "Mean private loyalty of generals before case facts (patronage-years).", -1.0, 2.5, (f, v) => f with { GeneralLoyaltyMean = v }, f => f.GeneralLoyaltyMean),
        PerFaction("seniorLoyalty", "factions[*].seniorLoyaltyMean", "Mean private loyalty of senior officers before case facts (patronage-years).", -1.5, 2.0, (f, v) => f with { SeniorLoyaltyMean = v }, f => f.SeniorLoyaltyMean),
        Decision("noiseScale", "decision.noiseScale", "Logit noise τ of the weekly choice (patronage-years).", 0.02, 0.8, ParameterDistribution.LogUniform, (d, v) => d with { NoiseScale = v }, d => d.NoiseScale),
        Decision("publicNewsWeight", "decision.publicNewsWeight", "Weight ω of public news against one's own ties in the perceived defected share.", 0.0, 1.0, ParameterDistribution.Uniform, (d, v) => d with { PublicNewsWeight = v }, d => d.PublicNewsWeight),
        Decision("fallSteepness", "decision.fallSteepness", "Steepness k of the perceived fall probability in the perceived share.", 2.0, 40.0, ParameterDistribution.LogUniform, (d, v) => d with { FallSteepness = v }, d => d.FallSteepness),
        Decision("fallMidpoint", "decision.fallMidpoint", "Perceived share m at which officers expect even odds of a fall.", 0.05, 0.6, ParameterDistribution.Uniform, (d, v) => d with { FallMidpoint = v }, d => d.FallMidpoint),
        new StructuralParameter("detectionDecay", "regime.detectionDecay", "How fast the regime's detection weakens with the defected share.", ExperimentParameter.Uniform("detectionDecay", 0.0, 10.0),
            (s, v) => s with { Regime = s.Regime with { DetectionDecay = v } }, s => s.Regime.DetectionDecay),
        PerFaction("lowRankDefectionRate", "factions[*].lowRankDefectionRatePerWeek", "Weekly crossing rate of rank and file per unit of defection pull.", 1e-6, 1e-2, (f, v) => f with { LowRankDefectionRatePerWeek = v }, f => f.LowRankDefectionRatePerWeek, ParameterDistribution.LogUniform),
    ];

    private static readonly StructuralParameter[] TypeParameters =
    [
        .. TypeEffect("personalist", r => r.Personalist, (r, e) => r with { Personalist = e }),
        .. TypeEffect("military", r => r.Military, (r, e) => r with { Military = e }),
        .. TypeEffect("singleParty", r => r.SingleParty, (r, e) => r with { SingleParty = e }),
        .. TypeEffect("mixed", r => r.Mixed, (r, e) => r with { Mixed = e }),
    ];

    /// <summary>
    /// Structural parameters that a calibration may include by name but that are not in <see cref="All"/>: the shipped
    /// posterior (<see cref="Posterior.Default"/>) was computed without them, at their off values. <c>grievanceSd</c>
    /// (σ_g, docs/model.md Eq. 5') has a prior on the scale of τ's own (up to 0.8 patronage-years); no case pins it,
    /// and the shipped calibration keeps it at 0. <c>weeklyNoiseScale</c> is the share of τ drawn afresh every week
    /// (Eq. 6), uniform on [0, 1]: above 1 the weekly noise would exceed the calibrated τ.
    /// </summary>
    private static readonly StructuralParameter[] OptionalParameters =
    [
        Decision("grievanceSd", "decision.grievanceSd", "Standard deviation σ_g of the officers' fixed grievances (patronage-years).", 0.0, 0.8, ParameterDistribution.Uniform, (d, v) => d with { GrievanceSd = v }, d => d.GrievanceSd),
        Decision("weeklyNoiseScale", "decision.weeklyNoiseScale", "Multiplier of τ in the weekly choice: τ_w = τ · this.", 0.0, 1.0, ParameterDistribution.Uniform, (d, v) => d with { WeeklyNoiseScale = v }, d => d.WeeklyNoiseScale),
    ];

    /// <summary>Every calibrated structural parameter, in a fixed order.</summary>
    public static IReadOnlyList<StructuralParameter> All => Parameters;

    /// <summary>
    /// The regime types' multipliers (<see cref="Regime.TypeEffects"/>, docs/model.md, §2f): for each type, λ_G
    /// (<c>personalistFallGain</c>, …), λ_π (<c>…SanctionPassThrough</c>) and λ_κ (<c>…MoveThreshold</c>). Structural
    /// parameters the calibration can estimate (name them to <see cref="Get"/>, or to <c>calibrate --parameter</c>), but
    /// not among <see cref="All"/>: the default posterior was estimated without them, and a case's regime type is not
    /// coded into its scenario before a coding-rules version that maps it (rule E2), so on cases coded under v1 or v2
    /// they change nothing. Their priors (λ_G and λ_κ log-uniform on
    /// [0.25, 4], λ_π uniform on [0, 1.5]) allow either direction; the defaults are assumptions, not tuned to a case.
    /// </summary>
    public static IReadOnlyList<StructuralParameter> RegimeTypeEffects => TypeParameters;

    /// <summary>
    /// Structural parameters a calibration may name (<see cref="Get"/>) beyond <see cref="All"/>, off in the shipped
    /// posterior: the officers' fixed grievances σ_g and the weekly noise multiplier (docs/model.md, Eq. 5' and 6).
    /// </summary>
    public static IReadOnlyList<StructuralParameter> Optional => OptionalParameters;

    /// <summary>The names of every calibrated structural parameter.</summary>
    public static IReadOnlyList<string> Names => [.. Parameters.Select(p => p.Name)];

    /// <summary>A structural parameter by name.</summary>
    /// <param name="name">A name from <see cref="Names"/>.</param>
    /// <returns>The parameter.</returns>
    /// <exception cref="ArgumentException">No structural parameter has that name; the message suggests the nearest.</exception>
    public static StructuralParameter Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string[] known = [.. Names, .. TypeParameters.Select(p => p.Name), .. OptionalParameters.Select(p => p.Name)];
        return Parameters.Concat(TypeParameters).Concat(OptionalParameters).FirstOrDefault(p => p.Name == name)
            ?? throw new ArgumentException($"Unknown structural parameter '{name}'.{Suggest.DidYouMean(name, known)} Structural parameters: {string.Join(", ", Names)}; the regime types' multipliers: {string.Join(", ", TypeParameters.Select(p => p.Name))}; optional: {string.Join(", ", OptionalParameters.Select(p => p.Name))}.", nameof(name));
    }

    /// <summary>Sets several structural parameters in a scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="parameters">The parameters.</param>
    /// <param name="values">Their values, in the same order.</param>
    /// <returns>The new scenario.</returns>
    /// <exception cref="ArgumentException">The counts differ.</exception>
    public static Scenario Apply(Scenario scenario, IReadOnlyList<StructuralParameter> parameters, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Count != values.Length)
        {
            throw new ArgumentException($"{parameters.Count} parameters but {values.Length} values.", nameof(values));
        }

        for (int j = 0; j < parameters.Count; j++)
        {
            scenario = parameters[j].Apply(scenario, values[j]);
        }

        return scenario;
    }

    private static StructuralParameter[] TypeEffect(string type, Func<RegimeTypeEffects, RegimeTypeEffect> get, Func<RegimeTypeEffects, RegimeTypeEffect, RegimeTypeEffects> set)
    {
        StructuralParameter One(string name, string field, string description, double lower, double upper, ParameterDistribution distribution, Func<RegimeTypeEffect, double, RegimeTypeEffect> with, Func<RegimeTypeEffect, double> read)
            => new(type + name, $"regime.typeEffects.{type}.{field}", description, new ExperimentParameter { Name = type + name, Lower = lower, Upper = upper, Distribution = distribution },
                (s, v) => s with { Regime = s.Regime with { TypeEffects = set(s.Regime.TypeEffects, with(get(s.Regime.TypeEffects), v)) } },
                s => read(get(s.Regime.TypeEffects)));

        return
        [
            One("FallGain", "fallGain", $"λ_G of {type} regimes: the factor on what officers keep if the ruler falls (a defector's G, a plotter's B).", 0.25, 4.0, ParameterDistribution.LogUniform, (e, v) => e with { FallGain = v }, e => e.FallGain),
            One("SanctionPassThrough", "sanctionPassThrough", $"λ_π of {type} regimes: the share of the patronage shortfall that reaches the officers.", 0.0, 1.5, ParameterDistribution.Uniform, (e, v) => e with { SanctionPassThrough = v }, e => e.SanctionPassThrough),
            One("MoveThreshold", "moveThreshold", $"λ_κ of {type} regimes: the factor on the share of the high command a move needs (capped at 1).", 0.25, 4.0, ParameterDistribution.LogUniform, (e, v) => e with { MoveThreshold = v }, e => e.MoveThreshold),
        ];
    }

    private static StructuralParameter Decision(string name, string field, string description, double lower, double upper, ParameterDistribution distribution, Func<DecisionModel, double, DecisionModel> set, Func<DecisionModel, double> get)
        => new(name, field, description, new ExperimentParameter { Name = name, Lower = lower, Upper = upper, Distribution = distribution },
            (s, v) => s with { Decision = set(s.Decision, v) }, s => get(s.Decision));

    private static StructuralParameter PerFaction(string name, string field, string description, double lower, double upper, Func<Faction, double, Faction> set, Func<Faction, double> get, ParameterDistribution distribution = ParameterDistribution.Uniform)
        => new(name, field, description, new ExperimentParameter { Name = name, Lower = lower, Upper = upper, Distribution = distribution },
            (s, v) => s with { Factions = s.Factions.Select(f => set(f, v)).ToArray() },
            s => s.Factions.Select(get).Distinct().Count() == 1 ? get(s.Factions[0]) : double.NaN);
}
