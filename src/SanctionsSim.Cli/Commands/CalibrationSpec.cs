using System.CommandLine;
using System.Text.Json.Nodes;
using SanctionsSim.Calibration;
using SanctionsSim.Experiments;

namespace SanctionsSim.Cli.Commands;

/// <summary>The options that define a calibration, shared by <c>calibrate</c> and <c>plan calibrate</c>.</summary>
internal sealed class CalibrationSpec
{
    private readonly Option<string[]> _cases = new("--case") { Description = $"A case to calibrate on (repeatable; default every case of the case base: sanctionssim cases lists them)." };
    private readonly Option<string[]> _caseFiles = new("--case-file") { Description = "Your own case: a JSON file with name, outcome, scenario (a file next to it, a preset, or the scenario itself) and observation (repeatable; added to --case)." };
    private readonly Option<string[]> _prior = new("--prior") { Description = $"A prior replacing a structural parameter's default: NAME=LOWER:UPPER[~log|~triangular(MODE)|~normal(MEAN,SD)] (repeatable). Parameters: {string.Join(", ", StructuralParameters.Names)}." };
    private readonly Option<string[]> _parameters = new("--parameter") { Description = "Calibrate only these structural parameters (repeatable; default all); the others keep the library's defaults." };
    private readonly Option<int> _particles = new("--particles") { Description = "Particles per generation.", DefaultValueFactory = _ => 2000 };
    private readonly Option<int> _generations = new("--generations") { Description = "The most generations (the first is the prior); with the defaults the result is the posterior shipped with the package.", DefaultValueFactory = _ => 9 };
    private readonly Option<double> _quantile = new("--quantile") { Description = "Each generation's tolerance is this quantile of the previous generation's distances.", DefaultValueFactory = _ => 0.5 };
    private readonly Option<double> _minAcceptance = new("--min-acceptance") { Description = "Stop after a generation whose acceptance rate falls below this.", DefaultValueFactory = _ => 0.01 };
    private readonly Option<int> _perCase = new("--replications-per-case") { Description = "Replications of each case per particle; the distance compares their means (1 to 100).", DefaultValueFactory = _ => CaseCalibration.DefaultReplicationsPerCase };
    private readonly Option<string> _distance = new Option<string>("--distance") { Description = "How a particle's replications meet a case's one history: outcome-probability (−2 ln of the smoothed share of replications with the observed outcome type, plus each observation's squared log-ratio averaged over the replications) mean (the replications' means; the distance of the shipped posterior) or outcome-only (the outcome type's −2 ln term alone). docs/calibration.md.", DefaultValueFactory = _ => DefaultDistance }.AcceptOnlyFromAmong(CalibrationDefinition.DistanceNames);
    private readonly Option<int> _predictive = new("--predictive") { Description = "Replications of each case's posterior predictive check (0 to skip).", DefaultValueFactory = _ => 400 };
    private readonly Option<ulong> _seed = Common.Seed();

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        foreach (Option o in (Option[])[_cases, _caseFiles, _prior, _parameters, _particles, _generations, _quantile, _minAcceptance, _perCase, _distance, _predictive, _seed])
        {
            command.Options.Add(o);
        }
    }

    /// <summary>Particles per generation with <c>--quick</c> (unless --particles is given).</summary>
    public const int QuickParticles = 100;

    /// <summary>Generations with <c>--quick</c> (unless --generations is given).</summary>
    public const int QuickGenerations = 4;

    /// <summary>Predictive replications per case with <c>--quick</c> (unless --predictive is given).</summary>
    public const int QuickPredictive = 50;

    /// <summary>The calibration the command line describes, validated (exit 2 on bad input).</summary>
    public CalibrationDefinition Resolve(ParseResult parse) => Resolve(parse, quick: false);

    /// <summary>The calibration the command line describes; <paramref name="quick"/>: the small demonstration sizes for the options not given.</summary>
    public CalibrationDefinition Resolve(ParseResult parse, bool quick)
    {
        int Pick(Option<int> option, int quickValue) => quick && parse.GetResult(option) is not { Implicit: false } ? quickValue : parse.GetValue(option);
        var own = (parse.GetValue(_caseFiles) ?? []).Select(UserCaseFile.ReadWithJson).ToArray();
        var names = parse.GetValue(_cases) is { Length: > 0 } given ? given : own.Length > 0 ? [] : [.. HistoricalCases.Names];
        var cases = names.Select(Case).Concat(own.Select(o => o.Case)).ToArray();
        var json = new JsonArray([.. names.Select(n => (JsonNode)JsonValue.Create(n)), .. own.Select(o => (JsonNode)o.Json)]);
        return CalibrationDefinition.Create(
            cases,
            json,
            (parse.GetValue(_parameters) is { Length: > 0 } ps ? ps : [.. StructuralParameters.Names]).Select(Parameter).ToArray(),
            parse.GetValue(_prior) ?? [],
            parse.GetValue(_perCase),
            CalibrationDefinition.ParseDistance(parse.GetValue(_distance), "--distance"),
            new AbcOptions
            {
                Particles = Pick(_particles, QuickParticles), Generations = Pick(_generations, QuickGenerations), Seed = parse.GetValue(_seed),
                Quantile = parse.GetValue(_quantile), MinAcceptanceRate = parse.GetValue(_minAcceptance),
            },
            Pick(_predictive, QuickPredictive));
    }

    /// <summary>The default of <c>--distance</c>.</summary>
    public const string DefaultDistance = "mean";

    private static HistoricalCase Case(string name)
    {
        try
        {
            return HistoricalCases.Get(name);
        }
        catch (ArgumentException e)
        {
            throw new UserInputException("--case: " + e.Message.Split(" (Parameter")[0]);
        }
    }

    private static StructuralParameter Parameter(string name)
    {
        try
        {
            return StructuralParameters.Get(name);
        }
        catch (ArgumentException e)
        {
            throw new UserInputException("--parameter: " + e.Message.Split(" (Parameter")[0]);
        }
    }
}
