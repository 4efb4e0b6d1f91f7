using SanctionsSim.MonteCarlo;
using SanctionsSim.Policy;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Actors;
using SanctionsSim.Simulation.Decision;
using SanctionsSim.Simulation.Draws;
using SanctionsSim.Simulation.Kernels;

namespace SanctionsSim.Tests.Simulation;

/// <summary>The decision kernels evaluate the one decision rule: against the reference evaluator, and against each other.</summary>
public class DecisionKernelTests
{
    private const int Factions = 3;

    [TestCase(1UL)]
    [TestCase(2UL)]
    [TestCase(3UL)]
    public void Kernels_AgreeWithTheReferenceEvaluator_OnRandomOfficerStates(ulong seed)
    {
        var random = new RandomStream(seed, 0, StreamKeys.Dynamics);
        int n = 4_003; // not a multiple of four: the vector kernel's scalar tail runs too
        var state = new byte[n];
        var assets = new double[n];
        var family = new double[n];
        var loyalty = new double[n];
        var ties = new double[n];
        var defected = new double[n];
        var group = new int[n];
        var reached = new bool[n];
        var sanctioned = new bool[n];
        for (int i = 0; i < n; i++)
        {
            state[i] = random.NextDouble() < 0.9 ? OfficerCorps.Loyal : random.NextDouble() < 0.5 ? OfficerCorps.Defected : OfficerCorps.Purged;
            assets[i] = 2 * random.NextDouble();
            family[i] = random.NextDouble();
            loyalty[i] = 0.5 + random.NextStandardNormal();
            double u = random.NextDouble();
            ties[i] = u < 0.05 ? 0 : 1 + (5 * random.NextDouble()); // some officers without ties
            defected[i] = ties[i] > 0 && random.NextDouble() < 0.2 ? ties[i] * random.NextDouble() : 0;
            reached[i] = random.NextDouble() < 0.3;
            sanctioned[i] = random.NextDouble() < 0.2;
            group[i] = DecisionRule.Group(random.NextInt32(Factions), reached[i], sanctioned[i]);
        }

        var offers = new FactionOffers[Factions];
        for (int f = 0; f < Factions; f++)
        {
            offers[f] = new FactionOffers
            {
                PublicOffer = random.NextDouble(),
                PrivateOffer = random.NextDouble(),
                PublicProtection = 0.6 * random.NextDouble(),
                PrivateProtection = 0.6 * random.NextDouble(),
                Delisting = random.NextDouble(),
                Freeze = random.NextDouble(),
            };
        }

        var w = new WeekTerms
        {
            Detection = 0.3 * random.NextDouble(),
            Reprisal = random.NextDouble(),
            Patronage = 0.5 + random.NextDouble(),
            RevenueLossShare = 0.4 * random.NextDouble(),
            PublicShare = 0.2 * random.NextDouble(),
            Shock = 0.05 * random.NextDouble(),
            Omega = 0.3,
            Steepness = 10,
            Midpoint = 1.0 / 3,
            LossEffect = 1,
            Gain = 1.5,
            Prosecution = 1,
            SanctionedProsecution = 1,
            PurgeCost = 4,
            Severity = 2,
            Tau = 0.5, // wide noise, so many officers are near their choice and both paths of the vector kernel run
        };
        w.SharedFall = DecisionRule.FallProbability(Math.Clamp((w.Omega * w.PublicShare) + w.Shock, 0, 1), in w);
        w.IsolatedFall = DecisionRule.FallProbability(Math.Clamp(w.PublicShare + w.Shock, 0, 1), in w);
        var coefficients = new DecisionCoefficients(Factions);
        coefficients.Set(in w, offers);
        DrawRow draws = DrawKey.Row(DrawKey.ForReplication(seed, 0), DrawPurpose.Decision, 7);

        // 1. Δ from the coefficients equals the reference Δ (equations 3–5 term by term) to rounding
        int mismatches = 0, chosen = 0;
        for (int i = 0; i < n; i++)
        {
            int g = group[i];
            double fall = DecisionRule.HasOwnFall(defected[i], ties[i]) ? DecisionRule.OwnFall(defected[i], ties[i], in w) : w.SharedFall;
            double reference = ReferenceDelta.Evaluate(assets[i], family[i], loyalty[i], reached[i], sanctioned[i], in offers[g / 4], in w, fall);
            double kernel = coefficients.DeltaAt(g, assets[i], family[i], loyalty[i], fall);
            kernel.ShouldBe(reference, 1e-12 * (1 + Math.Abs(reference)), $"officer {i}");

            // 2. the kernel's choice is the reference choice u < Λ(Δ/τ), except where the two Δ straddle the draw's logit
            if (state[i] != OfficerCorps.Loyal)
            {
                continue;
            }

            var input = new DecisionInputs(state, assets, family, loyalty, ties, defected, group, coefficients, draws);
            bool kernelChooses = ScalarDecisionKernel.Chooses(in input, i);
            double u = ((draws.Bits(i) >> 11) + 1) * (1.0 / (1UL << 53));
            bool referenceChooses = u < 1.0 / (1.0 + Math.Exp(-reference / w.Tau));
            chosen += kernelChooses ? 1 : 0;
            if (kernelChooses != referenceChooses)
            {
                double logit = Math.Log(u / (1 - u));
                Math.Abs((reference / w.Tau) - logit).ShouldBeLessThan(1e-9, $"officer {i} chose differently far from the boundary");
                mismatches++;
            }
        }

        mismatches.ShouldBeLessThanOrEqualTo(1);
        chosen.ShouldBeGreaterThan(n / 20); // not vacuous: a good share of officers choose to defect

        // 3. the scalar and vector sweeps choose the same officers in the same order
        var scalar = new int[n];
        var vector = new int[n];
        var queue = new int[n];
        var inputs = new DecisionInputs(state, assets, family, loyalty, ties, defected, group, coefficients, draws);
        int s = ScalarDecisionKernel.Sweep(in inputs, scalar);
        int v = VectorDecisionKernel.Sweep(in inputs, queue, vector);
        v.ShouldBe(s);
        vector.AsSpan(0, v).ToArray().ShouldBe(scalar.AsSpan(0, s).ToArray());
        s.ShouldBe(chosen);
    }

    [TestCase("venezuela-2019")]
    [TestCase("venezuela-2019-amnesty")]
    [TestCase("venezuela-2019-all")]
    public void WholeReplications_VectorAndScalarKernels_AreBitIdentical(string preset)
    {
        var options = new MonteCarloOptions { Replications = 60, Seed = 17, MaxDegreeOfParallelism = 2 };
        var scalar = new SanctionsModel(Presets.Get(preset), kernel: DecisionKernelMode.Scalar);
        var vector = new SanctionsModel(Presets.Get(preset), kernel: DecisionKernelMode.Vector);
        scalar.Kernel.ShouldBe(DecisionKernelMode.Scalar);
        vector.Kernel.ShouldBe(DecisionKernelMode.Vector);
        vector.Simulate(options).Summary.ExactlyEquals(scalar.Simulate(options).Summary).ShouldBeTrue();

        RunResult a = scalar.RunSingle(17, 5), b = vector.RunSingle(17, 5);
        b.DefectedSharePath.ShouldBe(a.DefectedSharePath);
        b.NewDefectorsPath.ShouldBe(a.NewDefectorsPath);
    }

    [Test]
    public void KernelMode_Auto_FollowsTheEnvironmentVariable_AndRejectsUnknownModes()
    {
        DecisionKernels.Resolve(DecisionKernelMode.Scalar).ShouldBe(DecisionKernelMode.Scalar);
        DecisionKernels.Resolve(DecisionKernelMode.Vector).ShouldBe(DecisionKernelMode.Vector);
        DecisionKernels.Resolve(DecisionKernelMode.Auto).ShouldNotBe(DecisionKernelMode.Auto);
        Should.Throw<ArgumentOutOfRangeException>(() => new SanctionsModel(Presets.Get("venezuela-2019"), kernel: (DecisionKernelMode)7));
    }
}
