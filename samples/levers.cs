#:project ../src/SanctionsSim/SanctionsSim.csproj
#:project ../src/SanctionsSim.IO/SanctionsSim.IO.csproj
// Which levers matter, and where is the tipping point? Morris screening of four levers of the amnesty
// counterfactual, then a tipping-point scan of the amnesty's credibility, both on common random numbers.
//   dotnet run -c Release samples/levers.cs
//   dotnet run -c Release samples/levers.cs -- --ci    (smaller; fails if a check below fails)
using SanctionsSim.Analysis;
using SanctionsSim.Experiments;
using SanctionsSim.IO;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios.Cases;

bool ci = args.Contains("--ci");
var scenario = Presets.Get("venezuela-2019-amnesty");
ExperimentParameter[] levers =
[
    ExperimentParameter.Uniform("coalition.us.amnesty.credibility", 0.2, 1),
    ExperimentParameter.Uniform("regime.reprisalProbability", 0.1, 0.9),
    ExperimentParameter.Uniform("coalition.us.contactCampaign.reachPerWeek", 0, 200),
    ExperimentParameter.Uniform("coalition.eu.recognition.senderCostPerWeek", 0, 0.01),
];

// Morris screening: r (k + 1) design points, each the mean of its replications
var screening = new ScenarioSensitivity(scenario, levers, new SensitivityOptions
{
    Method = SensitivityMethod.Morris,
    Samples = ci ? 6 : 20,
    MonteCarlo = new MonteCarloOptions { Replications = ci ? 16 : 64, Seed = 2019 },
});
SensitivityResult morris = await screening.RunAsync();
Console.WriteLine(morris);

// Tipping point: where along the amnesty's credibility collapse becomes more likely than not
var scan = new TippingScan(scenario, levers[0], new TippingOptions
{
    Points = ci ? 9 : 17,
    MonteCarlo = new MonteCarloOptions { Replications = ci ? 80 : 400, Seed = 2019 },
});
TippingResult tipping = await scan.RunAsync();
Console.WriteLine(tipping);

// A sweep committed point by point to a resumable folder (SanctionsSim.IO): a killed run continues where it stopped
var sweep = new Sweep(scenario, levers, new LatinHypercubeDesign(ci ? 4 : 32, levers.Length, 2019), new SweepOptions { MonteCarlo = new MonteCarloOptions { Replications = ci ? 16 : 64, Seed = 2019 } });
string path = Directory.CreateTempSubdirectory("sanctionssim-levers-").FullName;
using (var folder = new SweepDirectory(path))
{
    SweepResult done = await sweep.RunAsync(folder, resume: folder.HoldsSweep);
    Console.WriteLine($"{done} in {folder.Directory}: {string.Join(", ", Directory.EnumerateFiles(path).Select(Path.GetFileName))}");
}

// the EU's recognition cost changes nothing for the officers: on common random numbers its effect is exactly zero
bool ok = morris.Morris[3].MuStar == 0 && morris.Morris[0].MuStar > 0 && tipping.Crossing is not null;
Console.WriteLine(ok ? "checks passed" : "a check failed");
return ci && !ok ? 1 : 0;
