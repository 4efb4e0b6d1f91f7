using System.Text;
using CsCheck;
using SanctionsSim.IO;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Policy;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

namespace SanctionsSim.Tests.Properties;

/// <summary>
/// Property-based tests (CsCheck, fixed seeds so they never flake): random valid scenarios keep the model's
/// invariants on every run; random invalid ones always give a validation error and never another exception.
/// </summary>
public class ScenarioPropertyTests
{
    /// <summary>
    /// Runs <paramref name="assert"/> on <paramref name="iterations"/> values drawn from a fixed PCG stream, so the
    /// test sees the same cases on every run (CsCheck's Sample draws a fresh seed for every iteration after the
    /// first). To explore beyond them, swap in <c>gen.Sample(assert, iter: 10_000)</c> locally: it shrinks failures.
    /// </summary>
    private static void ForFixedCases<T>(Gen<T> gen, Action<T> assert, int iterations)
    {
        var pcg = new PCG(7, 2026);
        for (int i = 0; i < iterations; i++)
        {
            T value = gen.Generate(pcg, null!, out _);
            try
            {
                assert(value);
            }
            catch (Exception e)
            {
                throw new AssertionException($"case {i} of {iterations}: {value}", e);
            }
        }
    }

    private static readonly Gen<Faction> GenFaction =
        Gen.Select(Gen.Int[1, 40], Gen.Int[0, 3], Gen.Int[100, 200_000], Gen.Double[-1.0, 2.0], Gen.Double[0.0, 1.0], Gen.Double[0.0, 1.0], Gen.Double[0.0, 0.01])
            .Select((generals, seniors, troops, loyalty, exposure, sanctioned, crossing) => new Faction
            {
                Name = "f",
                Generals = generals,
                SeniorOfficersPerGeneral = seniors,
                StaffShare = seniors == 0 ? 1.0 : 0.05,
                Troops = troops,
                GeneralLoyaltyMean = loyalty,
                SeniorLoyaltyMean = loyalty - 0.3,
                FamilyExposureMean = exposure,
                SanctionedShareGenerals = sanctioned,
                LowRankDefectionRatePerWeek = crossing,
            });

    private static readonly Gen<Instrument> GenInstrument =
        Gen.Select(Gen.Int[0, 8], Gen.Int[0, 20], Gen.Double[0.0, 1.0], Gen.Double[0.0, 1.0], Gen.Double[0.0, 3.0], Gen.Bool, Gen.Double[0.0, 50.0])
            .Select((kind, start, bite, credibility, value, isPublic, reach) => new Instrument
            {
                Kind = (InstrumentKind)kind,
                StartWeek = start,
                Bite = bite,
                Credibility = credibility,
                Value = (InstrumentKind)kind == InstrumentKind.AssetProtection ? Math.Min(1.0, value) : value,
                Public = isPublic,
                ReachPerWeek = reach,
            });

    private static readonly Gen<Scenario> GenScenario =
        Gen.Select(GenFaction.Array[1, 3], GenInstrument.Array[0, 6], Gen.Int[1, 40], Gen.Double[0.0, 0.5], Gen.Double[0.05, 1.0], Gen.Bool)
            .Select((factions, instruments, weeks, noise, critical, withinWeek) => new Scenario
            {
                Name = "random",
                Weeks = weeks,
                Factions = factions.Select((f, i) => f with { Name = "f" + i }).ToArray(),
                Coalition = [new Sender { Name = "s", Instruments = instruments }],
                Decision = new DecisionModel { NoiseScale = noise, CascadeWithinWeek = withinWeek },
                Collapse = new CollapseRule { CriticalShare = critical },
            });

    [Test]
    public void RandomValidScenarios_KeepTheInvariants_OnEveryRun()
    {
        ForFixedCases(GenScenario, scenario =>
        {
            ScenarioValidator.Validate(scenario).ShouldBeEmpty();
            var model = new SanctionsModel(scenario);
            var plan = model.Plan;

            // troop weights add up to the armed forces' strength
            plan.Weight.Sum().ShouldBe(scenario.Factions.Sum(f => (double)f.Troops), 1e-6 * scenario.Factions.Sum(f => (double)f.Troops));
            for (int r = 0; r < 3; r++)
            {
                var run = model.RunSingle(7, r);
                run.DefectedSharePath.Count.ShouldBe(scenario.Weeks);
                for (int w = 0; w < run.DefectedSharePath.Count; w++)
                {
                    double share = run.DefectedSharePath[w];
                    share.ShouldBeInRange(0.0, 1.0);
                    if (w > 0)
                    {
                        share.ShouldBeGreaterThanOrEqualTo(run.DefectedSharePath[w - 1]); // defections are never undone
                    }

                    // collapse exactly when its rule says: the first week the share reaches the critical level
                    bool reached = share >= scenario.Collapse.CriticalShare;
                    if (run.Collapsed && w < run.CollapseWeek)
                    {
                        reached.ShouldBeFalse();
                    }
                }

                if (run.Collapsed)
                {
                    run.DefectedSharePath[run.CollapseWeek!.Value].ShouldBeGreaterThanOrEqualTo(scenario.Collapse.CriticalShare);
                }
                else
                {
                    run.FinalDefectedShare.ShouldBeLessThan(scenario.Collapse.CriticalShare);
                }

                foreach (var (name, f) in run.Factions)
                {
                    f.DefectedShare.ShouldBeInRange(0.0, 1.0);
                    var faction = scenario.Factions.Single(x => x.Name == name);
                    f.GeneralsDefected.ShouldBeInRange(0, faction.Generals);
                    f.SeniorOfficersDefected.ShouldBeInRange(0, faction.Generals * faction.SeniorOfficersPerGeneral);
                    (f.LowRankCrossings + f.Desertions).ShouldBeLessThanOrEqualTo(faction.Troops + 1e-9);
                }

                run.RevenuePath.ShouldAllBe(x => x >= 0 && double.IsFinite(x));
                run.ReachableReservesPath.ShouldAllBe(x => x >= 0);
            }
        }, 60);
    }

    private static readonly (string Path, Func<Scenario, Scenario> Break)[] Breakers =
    [
        ("$.weeks", s => s with { Weeks = -1 }),
        ("$.factions[0].troops", s => s with { Factions = [s.Factions[0] with { Troops = 0 }, .. s.Factions.Skip(1)] }),
        ("$.factions[0].familyExposureMean", s => s with { Factions = [s.Factions[0] with { FamilyExposureMean = double.NaN }, .. s.Factions.Skip(1)] }),
        ("$.factions[0].loyaltySpread", s => s with { Factions = [s.Factions[0] with { LoyaltySpread = double.PositiveInfinity }, .. s.Factions.Skip(1)] }),
        ("$.regime.reprisalProbability", s => s with { Regime = s.Regime with { ReprisalProbability = 1.5 } }),
        ("$.decision.noiseScale", s => s with { Decision = s.Decision with { NoiseScale = double.NegativeInfinity } }),
        ("$.collapse.criticalShare", s => s with { Collapse = new CollapseRule { CriticalShare = 0 } }),
        ("$.coalition[1].name", s => s with { Coalition = [.. s.Coalition, new Sender { Name = "s" }] }),
        ("$.factions[1].name", s => s with { Factions = [s.Factions[0], s.Factions[0]] }),
        ("$.coalition[0].instruments[0].factions[0]", s => s with { Coalition = [new Sender { Name = "s", Instruments = [new Instrument { Kind = InstrumentKind.Amnesty, Factions = ["nobody"] }] }] }),
    ];

    [Test]
    public void RandomInvalidScenarios_AlwaysAValidationError_NeverAnotherException()
    {
        ForFixedCases(Gen.Select(GenScenario, Gen.Int[0, Breakers.Length - 1]), pair =>
        {
            var (scenario, which) = pair;
            var (path, breaker) = Breakers[which];
            var broken = breaker(scenario);
            var e = Should.Throw<ScenarioValidationException>(() => new SanctionsModel(broken));
            e.Errors.ShouldContain(x => x.Path == path, $"expected an error at {path}; got {e.Message}");

            // an invalid scenario is never written to a file either
            Should.Throw<ScenarioValidationException>(() => ScenarioJson.Write(broken));
        }, 100);
    }

    [Test]
    public void MutatedScenarioFiles_NeverThrow_AndAreEitherValidOrListErrors()
    {
        // a small in-test fuzzer (fixed seed): byte flips, insertions and truncations of a valid file
        byte[] original = Encoding.UTF8.GetBytes(ScenarioJson.Write(Presets.Get("venezuela-2019-amnesty")));
        var random = new RandomStream(2024);
        for (int trial = 0; trial < 2000; trial++)
        {
            byte[] mutated = Mutate(original, random);
            IReadOnlyList<SanctionsSim.Validation.InputError>? errors = null;
            Should.NotThrow(() => errors = ScenarioJson.TryRead(mutated, out _), $"trial {trial}");
            errors!.ShouldAllBe(e => e.Path.StartsWith('$'));
        }
    }

    private static byte[] Mutate(byte[] input, RandomStream random)
    {
        var bytes = new List<byte>(input);
        int edits = 1 + random.NextInt32(4);
        for (int k = 0; k < edits && bytes.Count > 0; k++)
        {
            int at = random.NextInt32(bytes.Count);
            switch (random.NextInt32(5))
            {
                case 0: bytes[at] = (byte)random.NextInt32(256); break;
                case 1: bytes.Insert(at, (byte)"{}[],:\"-0123456789eE.ntf\\ "[random.NextInt32(26)]); break;
                case 2: bytes.RemoveAt(at); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                default: bytes.InsertRange(at, Encoding.UTF8.GetBytes(random.NextInt32(2) == 0 ? "1e999" : "-2147483649")); break;
            }
        }

        return [.. bytes];
    }
}
