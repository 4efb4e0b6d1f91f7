using System.Text.Json.Nodes;
using SanctionsSim.Calibration;
using SanctionsSim.IO.Inputs;

namespace SanctionsSim.IO.Jobs;

/// <summary>A validated calibration: its cases, parameters, priors and options; stored in a plan as JSON (self-contained: own cases inline).</summary>
internal sealed class CalibrationDefinition
{
    private CalibrationDefinition(HistoricalCase[] cases, JsonArray casesJson, StructuralParameter[] structure, string[] priors, CaseCalibration calibration, AbcOptions options, int predictive)
    {
        Cases = cases;
        CasesJson = casesJson;
        Structure = structure;
        Priors = priors;
        Calibration = calibration;
        Options = options;
        Predictive = predictive;
    }

    /// <summary>The cases, in order.</summary>
    public HistoricalCase[] Cases { get; }

    /// <summary>The cases as a plan stores them: a built-in case by name, an own case inline.</summary>
    public JsonArray CasesJson { get; }

    /// <summary>The calibrated structural parameters.</summary>
    public StructuralParameter[] Structure { get; }

    /// <summary>The <c>--prior</c> specifications.</summary>
    public string[] Priors { get; }

    /// <summary>The model ABC-SMC calibrates.</summary>
    public CaseCalibration Calibration { get; }

    /// <summary>Particles, generations, seed, quantile, acceptance floor (threads are the caller's).</summary>
    public AbcOptions Options { get; }

    /// <summary>Replications of each case's posterior predictive check.</summary>
    public int Predictive { get; }

    /// <summary>Validates and builds a definition; bad input is a <see cref="UserInputException"/> naming the option.</summary>
    public static CalibrationDefinition Create(HistoricalCase[] cases, JsonArray casesJson, StructuralParameter[] structure, string[] priors, int replicationsPerCase, CaseDistance distance, AbcOptions options, int predictive)
    {
        if (cases.Select(c => c.Name).Distinct().Count() != cases.Length)
        {
            throw new UserInputException($"A case appears twice: {string.Join(", ", cases.GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => g.Key))}.");
        }

        if (predictive is < 0 or > 1_000_000)
        {
            throw new UserInputException($"--predictive must be in [0, 1000000]; got {predictive}.");
        }

        if (replicationsPerCase is < 1 or > 100)
        {
            throw new UserInputException($"--replications-per-case must be in [1, 100]; got {replicationsPerCase}.");
        }

        var parsed = priors.Select(spec => InputFiles.ParseLever(spec, "--prior")).ToArray();
        try
        {
            options.Validate();
            return new CalibrationDefinition(cases, casesJson, structure, priors, new CaseCalibration(cases, structure, parsed, replicationsPerCase, distance), options, predictive);
        }
        catch (ArgumentException e)
        {
            throw Refused(e);
        }
    }

    /// <summary>ABC options validated by the library (<see cref="AbcOptions.Validate"/>, the one place their ranges are said), each option named by its flag.</summary>
    /// <param name="options">The options, with the threads of the run.</param>
    /// <exception cref="UserInputException">An option is out of its range.</exception>
    public static void Validate(AbcOptions options)
    {
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw Refused(e);
        }
    }

    /// <summary>The library's refusal of a calibration's options or priors, each option named by its flag.</summary>
    private static UserInputException Refused(ArgumentException e)
        => new(e.Message.Split(" (Parameter")[0].Replace("Particles must", "--particles must", StringComparison.Ordinal).Replace("Generations must", "--generations must", StringComparison.Ordinal)
            .Replace("Quantile must", "--quantile must", StringComparison.Ordinal).Replace("MinAcceptanceRate must", "--min-acceptance must", StringComparison.Ordinal).Replace("MaxDegreeOfParallelism must", "--threads must", StringComparison.Ordinal));

    /// <summary>Every distance's command-line name, in the order the help lists them.</summary>
    public static readonly string[] DistanceNames = ["mean", "outcome-probability", "outcome-only"];

    /// <summary>A distance's command-line name.</summary>
    public static string DistanceName(CaseDistance distance) => distance switch
    {
        CaseDistance.Mean => "mean",
        CaseDistance.OutcomeOnly => "outcome-only",
        _ => "outcome-probability",
    };

    /// <summary>A distance by its command-line name.</summary>
    public static CaseDistance ParseDistance(string? name, string where) => name switch
    {
        "mean" => CaseDistance.Mean,
        "outcome-probability" => CaseDistance.OutcomeProbability,
        "outcome-only" => CaseDistance.OutcomeOnly,
        _ => throw new UserInputException($"{where} is '{name}'; use mean, outcome-probability or outcome-only."),
    };

    /// <summary>The definition as a plan stores it.</summary>
    public JsonObject ToJson() => new()
    {
        ["cases"] = CasesJson.DeepClone(),
        ["parameters"] = new JsonArray([.. Structure.Select(s => (JsonNode)JsonValue.Create(s.Name))]),
        ["priors"] = new JsonArray([.. Priors.Select(p => (JsonNode)JsonValue.Create(p))]),
        ["replicationsPerCase"] = Calibration.ReplicationsPerCase,
        ["distance"] = DistanceName(Calibration.Distance),
        ["particles"] = Options.Particles,
        ["generations"] = Options.Generations,
        ["quantile"] = Options.Quantile,
        ["minAcceptanceRate"] = Options.MinAcceptanceRate,
        ["predictive"] = Predictive,
    };

    /// <summary>Reads a definition back from a plan.</summary>
    public static CalibrationDefinition FromJson(JsonNode node, ulong seed, string path)
    {
        var cases = new List<HistoricalCase>();
        foreach (var c in node["cases"]!.AsArray())
        {
            cases.Add(c is JsonObject own ? UserCaseFile.FromJson(own, path) : HistoricalCases.Get(c!.GetValue<string>()));
        }

        return Create(
            [.. cases],
            node["cases"]!.AsArray().DeepClone().AsArray(),
            [.. node["parameters"]!.AsArray().Select(p => StructuralParameters.Get(p!.GetValue<string>()))],
            [.. node["priors"]!.AsArray().Select(p => p!.GetValue<string>())],
            node["replicationsPerCase"]!.GetValue<int>(),
            // plans written before the distance was an option used the mean distance
            ParseDistance(node["distance"]?.GetValue<string>() ?? "mean", $"{path}: $.calibrate.distance"),
            new AbcOptions
            {
                Particles = node["particles"]!.GetValue<int>(), Generations = node["generations"]!.GetValue<int>(), Seed = seed,
                Quantile = node["quantile"]!.GetValue<double>(), MinAcceptanceRate = node["minAcceptanceRate"]!.GetValue<double>(),
            },
            node["predictive"]!.GetValue<int>());
    }
}
