using SanctionsSim.Analysis;
using SanctionsSim.Calibration;
using SanctionsSim.Design;
using SanctionsSim.Experiments;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.RareEvents;
using SanctionsSim.Scenarios;
using SanctionsSim.Scorecard;
using SanctionsSim.Validation;

namespace SanctionsSim.Tests.Model;

/// <summary>One validation idiom: every options type reports its problems through the shared collector, as one <see cref="InvalidInputException"/> whose errors name the option, its value and its range.</summary>
public class InputValidationTests
{
    private static IEnumerable<TestCaseData> BadOptions()
    {
        TestCaseData Case(string name, Action validate, string path, string value, string message)
            => new TestCaseData(validate, path, value, message).SetName($"BadOption_{name}_{path.Replace('.', '_')}");

        yield return Case("MonteCarlo", () => MonteCarloRunner.Validate(new MonteCarloOptions { Confidence = double.NaN }), "Confidence", "NaN", "must be in (0, 1)");
        yield return Case("MonteCarlo", () => MonteCarloRunner.Validate(new MonteCarloOptions { MaxDegreeOfParallelism = 0 }), "MaxDegreeOfParallelism", "0", "must be -1 (all cores) or in [1, 1024]");
        yield return Case("MonteCarlo", () => MonteCarloRunner.Validate(new MonteCarloOptions { TargetHalfWidth = double.PositiveInfinity }), "TargetHalfWidth", "Infinity", "must be at least 0");
        yield return Case("Sweep", () => new SweepOptions { MonteCarlo = new MonteCarloOptions { Replications = 10, Confidence = double.NaN } }.Validate(), "MonteCarlo.Confidence", "NaN", "must be in (0, 1)");
        yield return Case("Sweep", () => new SweepOptions { MonteCarlo = new MonteCarloOptions { Replications = 20_000_000 } }.Validate(), "MonteCarlo.Replications", "20000000", "must be in [1, 10000000]");
        yield return Case("Tipping", () => new TippingOptions { Level = double.NaN }.Validate(), "Level", "NaN", "must be in (0, 1)");
        yield return Case("Tipping", () => new TippingOptions { Points = 2 }.Validate(), "Points", "2", "must be in [3, 10001]");
        yield return Case("Tipping", () => new TippingOptions { Bootstrap = -1 }.Validate(), "Bootstrap", "-1", "must be in [0, 100000]");
        yield return Case("Sensitivity", () => new SensitivityOptions { Samples = 1 }.Validate(), "Samples", "1", "must be in [4, 1000000]");
        yield return Case("Sensitivity", () => new SensitivityOptions { Bootstrap = 100_001 }.Validate(), "Bootstrap", "100001", "must be in [0, 100000]");
        yield return Case("Sensitivity", () => new SensitivityOptions { MonteCarlo = new MonteCarloOptions { Replications = 10, Confidence = 1 } }.Validate(), "MonteCarlo.Confidence", "1", "must be in (0, 1)");
        yield return Case("Sensitivity", () => new SensitivityOptions { Method = SensitivityMethod.Morris, MorrisLevels = 3 }.Validate(), "MorrisLevels", "3", "must be an even number in [2, 1000]");
        yield return Case("ConstantSensitivity", () => new ConstantSensitivityOptions { Samples = 8 }.Validate(), "Samples", "8", "must be in [16, 100000]");
        yield return Case("Scorecard", () => new ScorecardOptions { Confidence = double.NaN }.Validate(10), "Confidence", "NaN", "must be in (0, 1)");
        yield return Case("CoverageCheck", () => new CoverageCheckOptions { Abc = new AbcOptions { KernelScale = double.NaN } }.Validate(), "Abc.KernelScale", "NaN", "must be in (0, 100]");
        yield return Case("Misspecification", () => new MisspecificationOptions { Particles = 5 }.Validate(), "Particles", "5", "must be in [10, 100000]");
        yield return Case("Abc", () => new AbcOptions { Quantile = double.NaN }.Validate(), "Quantile", "NaN", "must be in (0, 1)");
        yield return Case("Splitting", () => new SplittingOptions { Confidence = double.NaN }.Validate(), "Confidence", "NaN", "must be in (0, 1)");
        yield return Case("ConditionalReference", () => new ConditionalReferenceOptions { Lower = double.NaN }.Validate(), "Lower", "NaN", "must be a finite number");
        yield return Case("ConditionalReference", () => new ConditionalReferenceOptions { Block = 16 }.Validate(), "Block", "16", "must be in [0, 16)");
        yield return Case("InputSplitting", () => new InputSplittingOptions { LevelProportion = double.NaN }.Validate(), "LevelProportion", "NaN", "must be in [0.02, 0.8]");
        yield return Case("RobustChoice", () => new RobustChoiceOptions { Target = double.NaN }.Validate(), "Target", "NaN", "must be in [0, 1]");
        yield return Case("Prim", () => new PrimOptions { MinMass = double.NaN }.Validate(), "MinMass", "NaN", "must be in (0, 1)");
        yield return Case("Optimizer", () => new OptimizerOptions { Target = double.NaN }.Validate(), "Target", "NaN", "must be in (0, 1)");
        yield return Case("Pareto", () => new ParetoOptions { Confidence = double.NaN }.Validate(), "Confidence", "NaN", "must be in (0, 1)");
    }

    [TestCaseSource(nameof(BadOptions))]
    public void BadOption_IsNamedWithItsValueAndRange(Action validate, string path, string value, string message)
    {
        var e = Should.Throw<InvalidInputException>(validate);
        e.Errors.ShouldContain(new OptionError { Path = path, Value = value, Message = message });
        e.Message.ShouldContain($"{path} {message}; got {value}.");
    }

    [Test]
    public void DefaultOptions_AreValid()
    {
        MonteCarloRunner.Validate(new MonteCarloOptions());
        new SweepOptions().Validate();
        new TippingOptions().Validate();
        new SensitivityOptions().Validate();
        new ConstantSensitivityOptions().Validate();
        new ScorecardOptions().Validate(10);
        new CoverageCheckOptions().Validate();
        new MisspecificationOptions().Validate();
        new AbcOptions().Validate();
        new SplittingOptions().Validate();
        new ConditionalReferenceOptions().Validate();
        new InputSplittingOptions().Validate();
        new RobustChoiceOptions().Validate();
        new PrimOptions().Validate();
        new OptimizerOptions().Validate();
        new ParetoOptions().Validate();
    }

    [Test]
    public void EveryProblem_IsReportedAtOnce_InOneException()
    {
        var e = Should.Throw<InvalidInputException>(() => new InputSplittingOptions { Particles = 1, Runs = 1, Confidence = double.NaN }.Validate());
        e.Errors.Select(x => x.Path).ShouldBe(["Particles", "Runs", "Confidence"]);
        e.Message.ShouldStartWith("Invalid input-splitting options (3 problems):");
    }

    [Test]
    public void AnInvalidScenario_IsAnInvalidInput_WithItsJsonPaths()
    {
        // ScenarioValidationException is the scenario's InvalidInputException: one type to catch for any bad input
        var e = Should.Throw<ScenarioValidationException>(() => ScenarioJson.Read("""{ "schemaVersion": 1, "name": "x", "weeks": 0, "factions": [ { "name": "army", "generals": 10, "troops": 1000 } ] }"""));
        e.ShouldBeAssignableTo<InvalidInputException>();
        e.ShouldBeAssignableTo<ArgumentException>();
        InputError error = ((InvalidInputException)e).Errors.Single();
        error.ShouldBeOfType<ScenarioError>();
        error.ToString().ShouldBe("$.weeks: must be an integer in [1, 10000]; got 0.");
    }
}
