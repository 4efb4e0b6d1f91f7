#:project ../src/SanctionsSim/SanctionsSim.csproj
// Adding an instrument of your own, without forking the library: a resettlement fund that pays defectors a
// new life abroad, and a naval blockade of fuel imports. Each is a class derived from InstrumentEffect, put on a
// sender's instrument of kind Custom; the engine calls it every week the instrument is in force.
//   dotnet run -c Release samples/custom-instrument.cs            2,000 replications per arm
//   dotnet run -c Release samples/custom-instrument.cs -- --ci    a quick run that checks the effects act
using System.Globalization;
using SanctionsSim.Analysis;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Policy;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
bool ci = args.Contains("--ci");
var options = new MonteCarloOptions { Replications = ci ? 300 : 2000, Seed = 2019 };

Scenario baseline = Presets.Get("venezuela-2019");
Sender us = baseline.Coalition.Single(s => s.Name == "us");
Scenario withFund = baseline with
{
    Name = "venezuela-2019-resettlement",
    Coalition = [.. baseline.Coalition.Select(s => s.Name != "us" ? s : us with
    {
        Instruments = [.. us.Instruments, new Instrument
        {
            Kind = InstrumentKind.Custom,
            Effect = new ResettlementFund(value: 1.2, costPerDefector: 0.002),
            StartWeek = 8,
            Credibility = 0.7,
        }],
    })],
};
Scenario withBlockade = baseline with
{
    Name = "venezuela-2019-blockade",
    Coalition = [.. baseline.Coalition.Select(s => s.Name != "us" ? s : us with
    {
        Instruments = [.. us.Instruments, new Instrument { Kind = InstrumentKind.Custom, Effect = new Blockade(oilCut: 0.5, otherCut: 0.2), StartWeek = 4, SenderCostPerWeek = 0.01 }],
    })],
};

// the three arms on common random numbers: same officers, ties, shocks and noise
var comparison = new PolicyComparison([baseline, withFund, withBlockade]).Run(options).Summary;
for (int arm = 1; arm < 3; arm++)
{
    ArmEffect effect = comparison.Effect(arm);
    var summary = comparison.Arms[arm];
    Console.WriteLine($"{effect.Arm}: P(collapse) {summary.CollapseProbability.Estimate:F3} {summary.CollapseProbability.Wilson()}, "
        + $"ΔP vs baseline {effect.CollapseProbabilityDifference:+0.000;-0.000} {effect.CollapseProbabilityDifferenceInterval}, "
        + $"final share {summary.FinalDefectedShare.Mean:P2}, US cost {summary.SenderCost("us").Mean:F3} bn, humanitarian burden {summary.HumanitarianBurden.Mean:F2} bn");
}

// a custom instrument cannot come from a scenario file: it is code
try
{
    _ = new SanctionsModel(baseline with { Coalition = [us with { Instruments = [new Instrument { Kind = InstrumentKind.Custom }] }] });
}
catch (SanctionsSim.Validation.InvalidInputException e) // an invalid scenario: every problem with its JSON path
{
    Console.WriteLine(e.Errors[0]);
}

SanctionsSim.Simulation.SanctionsSummary b = comparison.Arms[0], fund = comparison.Arms[1], blockade = comparison.Arms[2];
bool ok = fund.FinalDefectedShare.Mean > b.FinalDefectedShare.Mean          // the fund pulls officers across
    && fund.SenderCost("us").Mean > b.SenderCost("us").Mean                  // and costs the US per defector
    && blockade.HumanitarianBurden.Mean > b.HumanitarianBurden.Mean           // the blockade cuts revenue
    && blockade.SenderCost("us").Mean > b.SenderCost("us").Mean;
Console.WriteLine(ok ? "checks passed" : "a check failed");
return ci && !ok ? 1 : 0;

/// <summary>A resettlement fund: a public offer of a new life abroad, worth <paramref name="value"/> patronage-years
/// times its credibility, paid for by the sender for every officer who defects.</summary>
sealed class ResettlementFund(double value, double costPerDefector) : InstrumentEffect
{
    public override void ApplyToOffers(in InstrumentWeek week, OfferEffects offers)
        => offers.OfferValue(value * week.Strength * week.Credibility, isPublic: true);

    public override double CostPerDefector(in InstrumentWeek week, bool reached) => costPerDefector;
}

/// <summary>A naval blockade: cuts oil revenue and, less, other revenue, sharpened by allies in the coalition.</summary>
sealed class Blockade(double oilCut, double otherCut) : InstrumentEffect
{
    public override void ApplyToEconomy(in InstrumentWeek week, EconomyEffects economy)
    {
        economy.CutOilRevenue(Math.Min(1, oilCut * week.Strength * week.AllianceMultiplier));
        economy.CutOtherRevenue(Math.Min(1, otherCut * week.Strength * week.AllianceMultiplier));
    }
}
