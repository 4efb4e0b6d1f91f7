#:project ../src/SanctionsSim/SanctionsSim.csproj
// Global sensitivity analysis: Sobol indices of the Ishigami function against their exact values.
//   dotnet run -c Release samples/sensitivity.cs
//   dotnet run -c Release samples/sensitivity.cs -- --ci    (fails if an exact value falls outside its interval)
using SanctionsSim.Analysis;
using SanctionsSim.Experiments;

bool ci = args.Contains("--ci");
ExperimentParameter[] cube = [.. Enumerable.Range(1, 3).Select(i => new ExperimentParameter { Name = "x" + i, Lower = -Math.PI, Upper = Math.PI })];
var indices = SobolAnalysis.Analyze(x => SobolAnalysis.Ishigami(x), cube, samples: 8192, seed: 1, bootstrap: 300);
double[] first = [0.3139, 0.4424, 0.0];
double[] total = [0.5576, 0.4424, 0.2437];
int misses = 0;
Console.WriteLine("Ishigami (a = 7, b = 0.1), N = 8192: index [95% bootstrap interval] (exact)");
for (int i = 0; i < indices.Count; i++)
{
    var s = indices[i];
    Console.WriteLine($"  {s.Name}: first {s.First:F4} {s.FirstInterval} ({first[i]}), total {s.Total:F4} {s.TotalInterval} ({total[i]})");
    misses += s.FirstInterval.Contains(first[i]) ? 0 : 1;
    misses += s.TotalInterval.Contains(total[i]) ? 0 : 1;
}

Console.WriteLine($"{6 - misses} of 6 exact values inside their intervals");
return ci && misses > 1 ? 1 : 0;
