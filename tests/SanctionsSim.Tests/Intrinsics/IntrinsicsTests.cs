using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SanctionsSim.Intrinsics;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation.Kernels;

namespace SanctionsSim.Tests.Intrinsics;

/// <summary>
/// Every vector primitive of <c>SanctionsSim.Intrinsics</c> gives bit for bit what its scalar path gives, on random
/// inputs (fixed seeds) of lengths that are and are not multiples of the vector width. The scalar paths are forced
/// through the primitives' <c>vector</c> parameter (or their <c>…Scalar</c> twin), so these run on any hardware;
/// on hardware without 256-bit vectors the vector paths run in software and must agree all the same.
/// </summary>
public class IntrinsicsTests
{
    private static readonly int[] Lengths = [0, 1, 3, 4, 5, 7, 8, 15, 16, 17, 31, 33, 64, 1_001, 4_003];

    [Test]
    public void SplitMix64_FourLanes_AreTheScalarMixOfFourSuccessiveCounters()
    {
        var random = new RandomStream(1);
        for (int trial = 0; trial < 1_000; trial++)
        {
            ulong start = NextWord(random), step = NextWord(random);
            int first = random.Next(0, int.MaxValue - 4);
            var four = SplitMix64.Mix4(start, step, SplitMix64.LaneSteps(step), first);
            for (int lane = 0; lane < 4; lane++)
            {
                four[lane].ShouldBe(SplitMix64.Mix(start + ((ulong)(first + lane) * step)), $"trial {trial}, lane {lane}");
            }
        }

        RandomStream.Mix(12345UL).ShouldBe(SplitMix64.Mix(12345UL), "the stream's mixer is this one");
    }

    [Test]
    public void Xoshiro256x4_VectorFill_EqualsScalarFill_BlockAfterBlock()
    {
        var random = new RandomStream(2);
        foreach (int length in new[] { 0, 4, 8, 12, 1_000, 4_096 })
        {
            ulong[] seeds = [.. Enumerable.Range(0, 16).Select(_ => NextWord(random))];
            var vector = new Xoshiro256x4(seeds);
            var scalar = new Xoshiro256x4(seeds);
            var a = new ulong[length];
            var b = new ulong[length];
            for (int block = 0; block < 3; block++)
            {
                vector.FillVector(a);
                scalar.FillScalar(b);
                b.ShouldBe(a, $"length {length}, block {block}");
            }

            // and each lane is the scalar generator seeded with that lane's words
            var lane0 = new Xoshiro256(seeds[0], seeds[4], seeds[8], seeds[12]);
            var fresh = new Xoshiro256x4(seeds);
            var words = new ulong[Math.Max(length, 4)];
            fresh.Fill(words);
            for (int i = 0; i < words.Length; i += 4)
            {
                words[i].ShouldBe(lane0.Next());
            }
        }

        Should.Throw<ArgumentException>(() => new Xoshiro256x4(new ulong[16]).FillScalar(new ulong[5]));
        Should.Throw<ArgumentException>(() => new Xoshiro256x4(new ulong[15]));
    }

    [Test]
    public void Xoshiro256x4_AllZeroLane_IsMovedOffZero()
    {
        var lanes = new Xoshiro256x4(new ulong[16]);
        var words = new ulong[64];
        lanes.FillScalar(words);
        words.ShouldContain(w => w != 0, "xoshiro from the zero state would give zeros forever");
    }

    [Test]
    public void LogitScreen_VectorPath_QueuesTheOfficersTheScalarPathQueues()
    {
        LogitScreen.Ln2.ShouldBe(LogitChoice.Ln2);
        var random = new RandomStream(3);
        int passedSome = 0, rejectedSome = 0;
        foreach (int n in Lengths)
        {
            for (int trial = 0; trial < 20; trial++)
            {
                const int groups = 12;
                byte[] state = [.. Enumerable.Range(0, n).Select(_ => (byte)(random.NextDouble() < 0.9 ? 0 : random.Next(1, 4)))];
                double[] assets = Doubles(random, n, -2, 2), family = Doubles(random, n, 0, 1), loyalty = Doubles(random, n, -1, 3);
                double[] ties = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.1 ? 0.0 : random.Next(1, 9))];
                double[] defected = [.. Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.05 ? random.Next(1, 4) : 0.0)];
                int[] group = [.. Enumerable.Range(0, n).Select(_ => random.Next(groups))];
                double[] beta = Doubles(random, groups, -1, 1), gamma = Doubles(random, groups, -2, 1);
                var input = new ScreenInputs
                {
                    State = state,
                    Candidate = 0,
                    Assets = assets,
                    Family = family,
                    Loyalty = loyalty,
                    Ties = ties,
                    DefectedTies = defected,
                    Group = group,
                    Beta = beta,
                    Gamma = gamma,
                    Alpha = random.NextDouble(),
                    InverseTau = 0.2 + (5 * random.NextDouble()),
                    DrawStart = NextWord(random),
                    DrawStep = NextWord(random) | 1,
                };
                int[] vectorQueue = new int[n], scalarQueue = new int[n];
                int v = LogitScreen.Screen(in input, vectorQueue, vector: true);
                int s = LogitScreen.Screen(in input, scalarQueue, vector: false);
                v.ShouldBe(s, $"n = {n}, trial {trial}");
                vectorQueue.AsSpan(0, v).ToArray().ShouldBe(scalarQueue.AsSpan(0, s).ToArray(), $"n = {n}, trial {trial}");
                int candidates = state.Count(x => x == 0);
                passedSome += v > 0 ? 1 : 0;
                rejectedSome += v < candidates ? 1 : 0;
            }
        }

        passedSome.ShouldBeGreaterThan(100, "the inputs must let officers through");
        rejectedSome.ShouldBeGreaterThan(100, "and reject some, or the comparison is empty");
    }

    [Test]
    public void SmallTable_VectorPath_EqualsScalarPath()
    {
        var random = new RandomStream(4);
        foreach (int n in Lengths)
        {
            short[] table = [.. Enumerable.Range(0, SmallTable.Length).Select(_ => (short)random.Next(0, 256))];
            SmallTable.FitsBytes(table).ShouldBeTrue();
            byte[] keys = [.. Enumerable.Range(0, n).Select(_ => (byte)random.Next(0, 17))];
            short[] vector = new short[n], scalar = new short[n];
            SmallTable.Map(keys, table, vector, vector: true);
            SmallTable.Map(keys, table, scalar, vector: false);
            vector.ShouldBe(scalar, $"n = {n}");
            scalar.ShouldBe(keys.Select(k => table[k]).ToArray());
        }

        SmallTable.FitsBytes([.. Enumerable.Repeat((short)1, 16), (short)256]).ShouldBeFalse();
        SmallTable.FitsBytes([(short)-1, .. Enumerable.Repeat((short)1, 16)]).ShouldBeFalse();
    }

    [Test]
    public void BlockCopy_SixteenValues_EqualScalarCopy()
    {
        var random = new RandomStream(5);
        int[] ints = [.. Enumerable.Range(0, 100).Select(_ => random.Next())];
        ushort[] shorts = [.. Enumerable.Range(0, 100).Select(_ => (ushort)random.Next(0, 65536))];
        foreach ((int from, int to) in new[] { (0, 0), (3, 7), (84, 1), (17, 84) })
        {
            int[] a = new int[100], b = new int[100];
            BlockCopy.Copy16(ref ints[0], (nuint)from, ref a[0], (nuint)to);
            BlockCopy.Copy16Scalar(ref ints[0], (nuint)from, ref b[0], (nuint)to);
            a.ShouldBe(b);
            a.AsSpan(to, 16).ToArray().ShouldBe(ints.AsSpan(from, 16).ToArray());
            a.Count(x => x != 0).ShouldBe(ints.AsSpan(from, 16).ToArray().Count(x => x != 0), "nothing beyond the sixteen");

            ushort[] c = new ushort[100], d = new ushort[100];
            BlockCopy.Copy16(ref shorts[0], (nuint)from, ref c[0], (nuint)to);
            BlockCopy.Copy16Scalar(ref shorts[0], (nuint)from, ref d[0], (nuint)to);
            c.ShouldBe(d);
            c.AsSpan(to, 16).ToArray().ShouldBe(shorts.AsSpan(from, 16).ToArray());
        }
    }

    [Test]
    public void PairSteps_TryFour_EqualsScalarSteps_OnTheZigguratTables()
    {
        var random = new RandomStream(6);
        ref ulong ke = ref MemoryMarshal.GetArrayDataReference(ExponentialZiggurat.Ke);
        ref double we = ref MemoryMarshal.GetArrayDataReference(ExponentialZiggurat.We);
        int taken = 0, refused = 0;
        for (int trial = 0; trial < 20_000; trial++)
        {
            ulong[] words = [NextWord(random), NextWord(random), NextWord(random), NextWord(random)];
            double scale = trial % 3 == 0 ? 1e14 * random.NextDouble() : 100 * random.NextDouble();
            long total = trial % 5 == 0 ? 1L << 60 : random.NextInt64(1, 5_000);
            long current = random.NextInt64(-1, Math.Min(total, 4_000));
            long[] vector = new long[4], scalar = new long[4];
            bool v = PairSteps.TryFour(ref words[0], ref ke, ref we, scale, current, total, ref vector[0], out long vectorLast);
            bool s = PairSteps.TryFourScalar(ref words[0], ref ke, ref we, scale, current, total, ref scalar[0], out long scalarLast);
            v.ShouldBe(s, $"trial {trial}");
            vector.ShouldBe(scalar, $"trial {trial}");
            vectorLast.ShouldBe(scalarLast, $"trial {trial}");
            vectorLast.ShouldBe(v ? vector[3] : current);
            taken += v ? 1 : 0;
            refused += v ? 0 : 1;
        }

        taken.ShouldBeGreaterThan(1_000);
        refused.ShouldBeGreaterThan(1_000);
        for (int trial = 0; trial < 10_000; trial++)
        {
            double g = random.NextDouble() * Math.Pow(10, random.Next(0, 19)) * 0.9;
            PairSteps.Truncate(g).ShouldBe((long)g);
        }
    }

    [Test]
    public void TrianglePairs_VectorPath_EqualsScalarPath_AndInvertsTheIndex()
    {
        var random = new RandomStream(7);
        foreach (int n in Lengths)
        {
            foreach (long range in new[] { 1_000L, 50_000_000_000L, (1L << 52) - 1, 1L << 53 })
            {
                long[] pairs = [.. Enumerable.Range(0, n).Select(_ => random.NextInt64(0, range)).Order()];
                int[] rowsV = new int[n], columnsV = new int[n], rowsS = new int[n], columnsS = new int[n];
                TrianglePairs.Map(pairs, rowsV, columnsV, vector: true);
                TrianglePairs.Map(pairs, rowsS, columnsS, vector: false);
                rowsV.ShouldBe(rowsS, $"n = {n}, range {range}");
                columnsV.ShouldBe(columnsS, $"n = {n}, range {range}");
                for (int k = 0; k < n && range < int.MaxValue * 1000L; k++)
                {
                    long v = rowsS[k], w = columnsS[k];
                    ((v * (v - 1) / 2) + w).ShouldBe(pairs[k]);
                    w.ShouldBeInRange(0, v - 1);
                }
            }
        }

        // row boundaries, where rounding of the square root matters
        long[] edges = [.. Enumerable.Range(2, 4_000).SelectMany(v => new[] { ((long)v * (v - 1) / 2) - 1, (long)v * (v - 1) / 2 })];
        int[] r1 = new int[edges.Length], c1 = new int[edges.Length], r2 = new int[edges.Length], c2 = new int[edges.Length];
        TrianglePairs.Map(edges, r1, c1, vector: true);
        TrianglePairs.Map(edges, r2, c2, vector: false);
        r1.ShouldBe(r2);
        c1.ShouldBe(c2);
    }

    private static double[] Doubles(RandomStream random, int n, double low, double high)
        => [.. Enumerable.Range(0, n).Select(_ => low + ((high - low) * random.NextDouble()))];

    private static ulong NextWord(RandomStream random) => random.NextUInt64();
}
