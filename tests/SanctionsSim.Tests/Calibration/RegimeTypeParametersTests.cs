using SanctionsSim.Calibration;
using SanctionsSim.Model;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Tests.Calibration;

/// <summary>The regime types' multipliers as structural parameters (docs/model.md, §2f): named, settable and readable, priors containing the defaults, and outside the default calibrated set.</summary>
public class RegimeTypeParametersTests
{
    [Test]
    public void EachTypeAndMultiplier_IsAStructuralParameter_OutsideTheDefaultSet()
    {
        var names = StructuralParameters.RegimeTypeEffects.Select(p => p.Name).ToArray();
        names.Length.ShouldBe(12);
        names.ShouldContain("personalistFallGain");
        names.ShouldContain("militaryMoveThreshold");
        names.ShouldContain("singlePartySanctionPassThrough");
        names.ShouldContain("mixedFallGain");
        names.Intersect(StructuralParameters.Names).ShouldBeEmpty();
        StructuralParameters.Get("militaryMoveThreshold").Field.ShouldBe("regime.typeEffects.military.moveThreshold");
        Should.Throw<ArgumentException>(() => StructuralParameters.Get("militaryMoveTreshold")).Message.ShouldContain("militaryMoveThreshold");
    }

    [Test]
    public void Apply_SetsOneMultiplierOfOneType_AndRead_ReadsIt_AndTheDefaultsLieInsideThePriors()
    {
        Scenario s = Presets.Get("venezuela-2019");
        foreach (StructuralParameter p in StructuralParameters.RegimeTypeEffects)
        {
            double value = p.Read(s);
            value.ShouldBeInRange(p.Prior.Lower, p.Prior.Upper, p.Name);
            Scenario changed = p.Apply(s, 0.777);
            p.Read(changed).ShouldBe(0.777, p.Name);
            changed.Validate();
            StructuralParameters.RegimeTypeEffects.Where(q => q != p).All(q => q.Read(changed) == q.Read(s)).ShouldBeTrue(p.Name);
        }

        StructuralParameters.Get("personalistSanctionPassThrough").Apply(s, 0.2).Regime.TypeEffects.Personalist.SanctionPassThrough.ShouldBe(0.2);
    }
}
