using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.Experiments;
using SanctionsSim.IO.Results;

namespace SanctionsSim.IO.Jobs;

/// <summary>
/// <c>sensitivity --function ishigami|sobol-g</c>: Sobol indices or Morris screening of a built-in test function whose
/// indices are known, to check the method (moved from the command line, #28 item 3).
/// </summary>
/// <param name="Json">The result's JSON.</param>
/// <param name="Csv">The indices as CSV.</param>
/// <param name="Table">The indices' table.</param>
/// <param name="Verdict">The verdict in words.</param>
/// <param name="Sobol">Whether these are Sobol indices (else Morris screening).</param>
internal sealed record TestFunctionSensitivity(JsonObject Json, string Csv, TextTable Table, string Verdict, bool Sobol)
{
    private static readonly double[] GCoefficients = [0, 1, 4.5, 9, 99];

    /// <summary>Analyses a test function.</summary>
    /// <param name="name">ishigami (a = 7, b = 0.1) or sobol-g (a = 0, 1, 4.5, 9, 99).</param>
    /// <param name="method">sobol or morris.</param>
    /// <param name="samples">Sobol: the base sample, 16 to 10,000,000; Morris: trajectories, 2 to 10,000,000.</param>
    /// <param name="levels">Morris grid levels (<see cref="Batches.SensitivityDefinition.CheckLevels"/>).</param>
    /// <param name="seed">The seed.</param>
    /// <param name="bootstrap">Bootstrap resamples of the intervals.</param>
    /// <param name="confidence">The intervals' confidence level.</param>
    /// <returns>The indices, as JSON, CSV, a table and a verdict.</returns>
    public static TestFunctionSensitivity Run(string name, string method, int samples, int levels, ulong seed, int bootstrap, double confidence)
    {
        int n = samples, min = method == "sobol" ? 16 : 2;
        if (n < min || n > 10_000_000)
        {
            throw new UserInputException($"--samples must be in [{min}, 10000000]; got {n}.");
        }

        ExperimentParameter[] parameters = name == "ishigami"
            ? Enumerable.Range(1, 3).Select(i => ExperimentParameter.Uniform("x" + i, -Math.PI, Math.PI)).ToArray()
            : GCoefficients.Select((_, i) => ExperimentParameter.Uniform("x" + (i + 1), 0, 1)).ToArray();
        Func<double[], double> model = name == "ishigami" ? x => SobolAnalysis.Ishigami(x) : x => SobolAnalysis.SobolG(x, GCoefficients);
        var json = new JsonObject { ["function"] = name, ["method"] = method, ["samples"] = n, ["seed"] = seed, ["confidence"] = confidence };
        if (method == "morris")
        {
            var morris = MorrisAnalysis.Analyze(model, parameters, n, Batches.SensitivityDefinition.CheckLevels(levels), seed, bootstrap, confidence);
            json["evaluations"] = (long)n * (parameters.Length + 1);
            json["indices"] = SensitivityText.MorrisJson(morris);
            return new(json, SensitivityText.MorrisCsv(morris), SensitivityText.MorrisTable(morris, $"Morris screening of {name}, {n:N0} trajectories"), SensitivityText.MorrisVerdict(morris, name), Sobol: false);
        }

        var indices = SobolAnalysis.Analyze(model, parameters, n, seed, bootstrap, confidence);
        json["evaluations"] = (long)n * (parameters.Length + 2);
        json["indices"] = SensitivityText.SobolJson(indices);
        return new(json, SensitivityText.SobolCsv(indices), SensitivityText.SobolTable(indices, $"Sobol indices of {name}, N = {n:N0} ({n * (parameters.Length + 2):N0} evaluations), {confidence:P0} bootstrap intervals"), SensitivityText.SobolVerdict(indices, name, double.NaN), Sobol: true);
    }
}
