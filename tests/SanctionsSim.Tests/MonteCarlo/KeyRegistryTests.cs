using CsCheck;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Draws;

namespace SanctionsSim.Tests.MonteCarlo;

/// <summary>The key registry packs injectively, reproduces the keys every stream had, and registers each salt once.</summary>
public class KeyRegistryTests
{
    private const long MaxIndex = (1L << KeyRegistry.IndexBits) - 1;
    private const int MaxSubPurpose = (1 << KeyRegistry.SubPurposeBits) - 1;

    /// <summary>Fields biased to the corners of each width (where a packing that overlapped would show) and uniform inside it.</summary>
    private static readonly Gen<(KeyPurpose Purpose, int SubPurpose, long Index)> Field =
        Gen.Select(
            Gen.OneOf(Gen.Byte.Select(b => (KeyPurpose)b), Corner(KeyPurpose.Stream, KeyPurpose.Decision, KeyPurpose.HighCommand, (KeyPurpose)255)),
            Gen.OneOf(Gen.Int[0, MaxSubPurpose], Corner(0, 1, MaxSubPurpose - 1, MaxSubPurpose)),
            Gen.OneOf(Gen.Long[0, MaxIndex], Corner(0L, 1L, 8L, MaxIndex - 1, MaxIndex)));

    [Test]
    public void Pack_IsInjective_OverTheKeySpace()
    {
        // a left inverse proves injectivity: Unpack(Pack(x)) == x for every x in the key space
        var pcg = new PCG(11, 2026);
        var seen = new Dictionary<ulong, (KeyPurpose, int, long)>();
        for (int i = 0; i < 200_000; i++)
        {
            var x = Field.Generate(pcg, null!, out _);
            ulong key = KeyRegistry.Pack(x.Purpose, x.SubPurpose, x.Index);
            KeyRegistry.Unpack(key).ShouldBe(x, $"case {i}");
            if (seen.TryGetValue(key, out var other))
            {
                other.ShouldBe(x, $"case {i}: two fields packed to {key:X16}");
            }

            seen[key] = x;
        }

        // and pairs that differ in one field only (the likeliest overlap of a wrong layout) never share a key
        foreach (var (a, b) in new[]
        {
            ((KeyPurpose.Stream, 0, 1L << 39), (KeyPurpose.Stream, 1, 0L)),
            ((KeyPurpose.Stream, MaxSubPurpose, MaxIndex), (KeyPurpose.Decision, 0, 0L)),
            ((KeyPurpose.Decision, 0, MaxIndex), (KeyPurpose.Decision, 1, 0L)),
        })
        {
            KeyRegistry.Pack(a.Item1, a.Item2, a.Item3).ShouldNotBe(KeyRegistry.Pack(b.Item1, b.Item2, b.Item3));
        }
    }

    [Test]
    public void Pack_RejectsFieldsOutsideTheirWidth()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => KeyRegistry.Pack(KeyPurpose.Stream, -1, 0)).ParamName.ShouldBe("subPurpose");
        Should.Throw<ArgumentOutOfRangeException>(() => KeyRegistry.Pack(KeyPurpose.Stream, MaxSubPurpose + 1, 0)).ParamName.ShouldBe("subPurpose");
        Should.Throw<ArgumentOutOfRangeException>(() => KeyRegistry.Pack(KeyPurpose.Stream, 0, -1)).ParamName.ShouldBe("index");
        Should.Throw<ArgumentOutOfRangeException>(() => KeyRegistry.Pack(KeyPurpose.Stream, 0, MaxIndex + 1)).ParamName.ShouldBe("index");
        (KeyRegistry.IndexBits + KeyRegistry.SubPurposeBits + 8).ShouldBe(64);
    }

    [Test]
    public void StreamWords_AreTheValuesEveryStreamHadBeforeTheRegistry()
    {
        // plain runs stay bit-identical: a stream kind with sub-purpose 0 packs to the bare kind
        ulong[] before = [1, 2, 3, 4, 5, 6, 7, 8];
        ulong[] now = [StreamKeys.Network, StreamKeys.Agents, StreamKeys.Seeding, StreamKeys.Dynamics, StreamKeys.Events, StreamKeys.Policy, StreamKeys.Design, StreamKeys.Splitting];
        now.ShouldBe(before);
        foreach (StreamKind kind in Enum.GetValues<StreamKind>())
        {
            KeyRegistry.Stream(kind).ShouldBe((ulong)kind);
            KeyRegistry.Unpack(KeyRegistry.Stream(kind)).ShouldBe((KeyPurpose.Stream, 0, (long)kind));
        }
    }

    [Test]
    public void DrawCounters_AreRegistryKeys_WithTheWeekAsSubPurpose()
    {
        foreach (DrawPurpose p in Enum.GetValues<DrawPurpose>())
        {
            Enum.GetName((KeyPurpose)(byte)p).ShouldBe(Enum.GetName(p), "each draw purpose is the registry's purpose of the same name");
            DrawKey.Counter(p, 51, 3_999).ShouldBe(KeyRegistry.Pack((KeyPurpose)(byte)p, 51, 3_999));
            ((KeyPurpose)(byte)p).ShouldNotBe(KeyPurpose.Stream, "no draw aliases the streams' purpose");
        }

        // the counter as it was laid out before the registry: purpose · 2⁵⁶ + week · 2⁴⁰ + index
        DrawKey.Counter(DrawPurpose.Detection, 7, 12).ShouldBe((2UL << 56) | (7UL << 40) | 12UL);
    }

    [Test]
    public void EveryPurposeKindAndSalt_IsRegisteredOnce()
    {
        Distinct<KeyPurpose>();
        Distinct<StreamKind>();
        Distinct<DesignUse>();
        Distinct<SeedSalt>();
        Enum.GetValues<DesignUse>().Select(u => KeyRegistry.Design(u)).Distinct().Count().ShouldBe(Enum.GetValues<DesignUse>().Length);
    }

    [Test]
    public void MorrisBootstrap_IsNoTrajectoryOfTheDesignOnTheSameSeed()
    {
        // ScenarioSensitivity gives MorrisDesign and MorrisAnalysis the same seed. Before the registry the bootstrap
        // was (seed, 2, design): trajectory 2's stream. Now its word has a sub-purpose of its own.
        const ulong seed = 20_240_601;
        ulong boot = new RandomStream(seed, 0, KeyRegistry.Design(DesignUse.MorrisBootstrap)).NextUInt64();
        new RandomStream(seed, 2, StreamKeys.Design).NextUInt64().ShouldNotBe(boot, "the collision this fixed");
        for (long trajectory = 0; trajectory < 1_000; trajectory++)
        {
            new RandomStream(seed, trajectory, StreamKeys.Design).NextUInt64().ShouldNotBe(boot);
        }

        KeyRegistry.Design(DesignUse.MorrisBootstrap).ShouldNotBe(StreamKeys.Design);
    }

    [Test]
    public void DesignUsesOnOneSeed_ShareNoStream()
    {
        // (word, slot) of every design stream an analysis opens on its one seed (slots as in DesignUse's remarks)
        static IEnumerable<(ulong Word, long Slot)> Shared(params long[] slots) => slots.Select(s => (StreamKeys.Design, s));
        long[] upTo = [.. Enumerable.Range(0, 50).Select(i => (long)i)];
        var analyses = new (string Name, (ulong, long)[] A, (ulong, long)[] B, int Overlap)[]
        {
            ("Morris: trajectories and bootstrap", [.. Shared(upTo)], [(KeyRegistry.Design(DesignUse.MorrisBootstrap), 0)], 0),
            ("Sobol sensitivity: bootstrap and a Sobol shift", [.. Shared(1)], [.. Shared(0)], 0),
            ("tipping: bootstrap and the replications' streams", [.. Shared(3)], [.. Enum.GetValues<StreamKind>().Where(k => k != StreamKind.Design).SelectMany(k => upTo.Select(s => ((ulong)k, s)))], 0),
            ("Pareto search: Sobol shift and generations", [.. Shared(0)], [.. upTo.Select(g => (KeyRegistry.Design(DesignUse.ParetoVariation), g))], 0),
            ("package optimiser: Sobol shift and rounds", [.. Shared(0)], [.. upTo.Select(t => (KeyRegistry.Design(DesignUse.OptimizerRound), t))], 0),
        };
        foreach (var (name, a, b, overlap) in analyses)
        {
            a.Intersect(b).Count().ShouldBe(overlap, name);
        }
    }

    private static Gen<T> Corner<T>(params T[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static void Distinct<T>()
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>().Select(v => Convert.ToUInt64(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        values.Distinct().Count().ShouldBe(Enum.GetNames<T>().Length, $"two members of {typeof(T).Name} share a value");
    }
}
