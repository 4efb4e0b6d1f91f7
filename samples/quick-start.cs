#:project ../src/SanctionsSim/SanctionsSim.csproj
// The first scenario in ten lines: run the Venezuela 2019 preset and print what an analyst needs.
//   dotnet run -c Release samples/quick-start.cs
//   two usings: the front door (SanctionsSim) and the presets (SanctionsSim.Scenarios.Cases)
using SanctionsSim;
using SanctionsSim.Scenarios.Cases;

var runner = new ScenarioRunner(new() { Replications = 1000, Seed = 2019 }); // each run draws its structure from the shipped posterior
var result = runner.Run(Presets.Get("venezuela-2019"));
var s = result.Summary;
Console.WriteLine($"{s.ScenarioName}: {result.Replications} runs of {s.Weeks} weeks");
Console.WriteLine($"P(collapse)          {s.CollapseProbability.Estimate:F3}, 95% CI {s.CollapseProbability.Wilson()}");
Console.WriteLine($"final defected share {s.FinalDefectedShare.Mean:P2} ± {s.FinalDefectedShare.StandardError:P2}");
Console.WriteLine($"generals, Jan–Mar    {s.EarlyGeneralDefections.Mean:F2} ± {s.EarlyGeneralDefections.StandardError:F2}");
return s.Replications == 1000 ? 0 : 1;
