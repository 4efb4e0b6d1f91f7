using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace SanctionsSim.MonteCarlo;

/// <summary>
/// The one registry of random keys: every key a stream or a draw is built from is packed here from
/// (purpose, sub-purpose, index), and every constant that salts a seed is registered here, once.
/// </summary>
/// <remarks>
/// <para>
/// Layout of a packed key: <c>purpose · 2⁵⁶ + subPurpose · 2⁴⁰ + index</c>, with purpose &lt; 2⁸, sub-purpose
/// &lt; 2¹⁶ and index &lt; 2⁴⁰. The three fields sit in disjoint bits and each is checked against its width, so
/// the packing is injective by construction (<see cref="Unpack"/> is its inverse; a property test runs over the
/// key space).
/// </para>
/// <para>
/// Two kinds of key share the layout. A replication's counter-based draws (<see cref="KeyPurpose.Decision"/> …
/// <see cref="KeyPurpose.HighCommand"/>) use the week as sub-purpose and the officer, faction or sender as index:
/// that is the counter the simulation's draws always had. Sequential streams (<see cref="RandomStream"/>) are
/// purpose <see cref="KeyPurpose.Stream"/> (0) with the stream's kind as index: a stream word with sub-purpose 0
/// is the bare kind, 1 … 8, the values the streams had before the registry, so plain runs are unchanged; a
/// sub-purpose other than 0 (<see cref="DesignUse.MorrisBootstrap"/>) gives a stream no earlier key can equal.
/// </para>
/// <para>
/// Constants XOR-ed into a seed before a counter-based family (<see cref="SeedSalt"/>) are registered as they were
/// (each its own value; a test checks them distinct) rather than repacked, since repacking would change every
/// draw they key.
/// </para>
/// </remarks>
internal static class KeyRegistry
{
    /// <summary>Bits of a key that hold the index.</summary>
    public const int IndexBits = 40;

    /// <summary>Bits of a key that hold the sub-purpose (for a draw: the week).</summary>
    public const int SubPurposeBits = 16;

    /// <summary>The key packed from (<paramref name="purpose"/>, <paramref name="subPurpose"/>, <paramref name="index"/>).</summary>
    /// <param name="purpose">What the key is for.</param>
    /// <param name="subPurpose">In [0, 2¹⁶): the week of a draw, the use of a stream kind.</param>
    /// <param name="index">In [0, 2⁴⁰): the officer, faction or sender of a draw; the kind of a stream.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A field is outside its width.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Pack(KeyPurpose purpose, int subPurpose, long index)
    {
        if ((uint)subPurpose >= (1u << SubPurposeBits) || (ulong)index >= (1UL << IndexBits))
        {
            ThrowOutOfRange(subPurpose, index);
        }

        return ((ulong)purpose << (IndexBits + SubPurposeBits)) | ((ulong)(uint)subPurpose << IndexBits) | (ulong)index;
    }

    /// <summary>The fields of a packed key: the inverse of <see cref="Pack"/>.</summary>
    /// <param name="key">A packed key.</param>
    /// <returns>Its purpose, sub-purpose and index.</returns>
    public static (KeyPurpose Purpose, int SubPurpose, long Index) Unpack(ulong key)
        => ((KeyPurpose)(key >> (IndexBits + SubPurposeBits)), (int)((key >> IndexBits) & ((1UL << SubPurposeBits) - 1)), (long)(key & ((1UL << IndexBits) - 1)));

    /// <summary>The stream word of a sequential stream: <c>Pack(Stream, subPurpose, kind)</c>.</summary>
    /// <param name="kind">The stream's kind.</param>
    /// <param name="subPurpose">0 for the kind's own stream (today's value, the bare kind); otherwise a use of its own.</param>
    /// <returns>The word to pass as the <c>stream</c> of <see cref="RandomStream(ulong, long, ulong)"/>.</returns>
    public static ulong Stream(StreamKind kind, int subPurpose = 0) => Pack(KeyPurpose.Stream, subPurpose, (long)kind);

    /// <summary>The stream word of a use of <see cref="StreamKind.Design"/>.</summary>
    /// <param name="use">The use.</param>
    /// <returns>The stream word.</returns>
    public static ulong Design(DesignUse use) => Stream(StreamKind.Design, (int)use);

    /// <summary>A seed salted for one counter-based family: <c>seed ^ salt</c>.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="salt">The family's registered salt.</param>
    /// <returns>The salted seed.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Salted(ulong seed, SeedSalt salt) => seed ^ (ulong)salt;

    [DoesNotReturn]
    private static void ThrowOutOfRange(int subPurpose, long index)
        => throw new ArgumentOutOfRangeException(
            (uint)subPurpose >= (1u << SubPurposeBits) ? nameof(subPurpose) : nameof(index),
            (uint)subPurpose >= (1u << SubPurposeBits) ? subPurpose : index,
            $"A key's sub-purpose must be in [0, 2^{SubPurposeBits}) and its index in [0, 2^{IndexBits}).");
}

/// <summary>The first field of a packed key (<see cref="KeyRegistry.Pack"/>). Each value is used once.</summary>
internal enum KeyPurpose : byte
{
    /// <summary>A sequential stream (<see cref="RandomStream"/>): index is its <see cref="StreamKind"/>.</summary>
    Stream = 0,

    /// <summary>An officer's weekly logit choice (sub-purpose: week; index: officer).</summary>
    Decision = 1,

    /// <summary>Whether an officer's attempt to defect is detected (sub-purpose: week; index: officer).</summary>
    Detection = 2,

    /// <summary>A faction's weekly desertions (sub-purpose: week; index: faction).</summary>
    Desertion = 3,

    /// <summary>The second uniform of the normal approximation to a large desertion count (sub-purpose: week; index: faction).</summary>
    DesertionNormal = 4,

    /// <summary>A faction's weekly rank-and-file crossings (sub-purpose: week; index: faction).</summary>
    Crossing = 5,

    /// <summary>The second uniform of the normal approximation to a large crossing count (sub-purpose: week; index: faction).</summary>
    CrossingNormal = 6,

    /// <summary>Whether a sender joins the coalition by chance this week (sub-purpose: week; index: sender).</summary>
    Join = 7,

    /// <summary>The high command's persistent draws, taken in week 0 (index 0: the regime's hidden strength; 1 + j: member j's error).</summary>
    HighCommand = 8,
}

/// <summary>The kinds of sequential stream: the index field of a <see cref="KeyPurpose.Stream"/> key.</summary>
internal enum StreamKind : long
{
    /// <summary>Network generation.</summary>
    Network = 1,

    /// <summary>Agent attributes and thresholds (a replication's officers).</summary>
    Agents = 2,

    /// <summary>Choice of initially active (seed) agents.</summary>
    Seeding = 3,

    /// <summary>Update order and within-run dynamics.</summary>
    Dynamics = 4,

    /// <summary>Exogenous events and shocks.</summary>
    Events = 5,

    /// <summary>Policy rules with random elements (ties and contact orders of a replication).</summary>
    Policy = 6,

    /// <summary>Experiment designs, bootstraps and searches (<see cref="DesignUse"/> names each use).</summary>
    Design = 7,

    /// <summary>Adaptive multilevel splitting: which survivor a killed path clones, and the keys of its new branches.</summary>
    Splitting = 8,

    /// <summary>The officers' fixed grievances g_i, one normal per officer drawn once per replication (issue #24 item 5; opened only when σ_g &gt; 0).</summary>
    Grievance = 9,
}

/// <summary>
/// The sub-purposes of <see cref="StreamKind.Design"/>. <see cref="Shared"/> is the word every design use had before
/// the registry; those uses tell their streams apart by the replication slot they pass (Sobol shift: 0; Sobol
/// bootstrap: 1; tipping bootstrap: 3; Morris trajectory t: t; Latin hypercube column j: j;
/// ABC proposals and posterior resampling: 0 of seeds of their own) and keep it, so their results are unchanged.
/// Uses that met another on one seed have a sub-purpose of their own: Morris's bootstrap, and the Pareto search's
/// generations and the package optimiser's rounds (slot g or t), which shared slot 0 with their Sobol shift until
/// issue #28 (a results change, listed in CHANGELOG). KeyRegistryTests checks that no two uses on one seed meet.
/// </summary>
internal enum DesignUse
{
    /// <summary>The shared design word (the bare kind, 7): uses told apart by their replication slot.</summary>
    Shared = 0,

    /// <summary>
    /// Morris's bootstrap of μ* (slot 0). Before the registry it was (seed, 2, design): the stream of trajectory 2
    /// of the Morris design on the same seed.
    /// </summary>
    MorrisBootstrap = 1,

    /// <summary>The Pareto search's variation in generation g (slot g). Before issue #28 it was the shared word, and generation 0 drew the Sobol shift's stream.</summary>
    ParetoVariation = 2,

    /// <summary>The package optimiser's local candidates in round t (slot t). Before issue #28 it was the shared word, and round 0 drew the Sobol shift's stream.</summary>
    OptimizerRound = 3,
}

/// <summary>
/// Constants XOR-ed into a seed to give a counter-based family its own keys (<see cref="KeyRegistry.Salted"/>).
/// Registered as they were, so every draw they key is unchanged; a test checks that no two are equal.
/// </summary>
[SuppressMessage("Design", "CA1028", Justification = "Salts are 64-bit words.")]
internal enum SeedSalt : ulong
{
    /// <summary>The per-replication key of <see cref="RandomStream.CounterKey"/>.</summary>
    CounterKey = 0xA0761D6478BD642FUL,

    /// <summary>The root of a replication's <see cref="RandomInputs"/>.</summary>
    InputsRoot = 0x5851F42D4C957F2DUL,

    /// <summary>The step between the keys of the blocks of <see cref="RandomInputs"/> (multiplied by block + 1).</summary>
    InputsBlockStep = 0xD1B54A32D192ED03UL,

    /// <summary>Adaptive multilevel splitting's run keys (the bare splitting kind, 8, as it always was).</summary>
    Splitting = 8,

    /// <summary>Sequential Monte Carlo on the inputs: the seed of a run's prior sample (XOR-ed into the run key).</summary>
    InputSplittingPrior = 0x7F4A7C159E3779B9UL,

    /// <summary>Sequential Monte Carlo on the inputs: the seed of a run's levels (XOR-ed into the run key).</summary>
    InputSplittingLevels = 0x2545F4914F6CDD1DUL,

    /// <summary>Sequential Monte Carlo on the inputs: the step between the keys of a run's levels (multiplied by the level).</summary>
    InputSplittingLevelStep = 0x9E3779B97F4A7C15UL,

    /// <summary>Which particle of a posterior a replication uses.</summary>
    PosteriorParticle = 0x9057E71012UL,

    /// <summary>Robust choice's resampling of posterior particles (the bare design kind, 7, as it always was).</summary>
    RobustResample = 7,

    /// <summary>The draws of uncertain facts within their ranges.</summary>
    FactRanges = 0xFAC7_5EED_0D1AUL,

    /// <summary>ABC-SMC: the key of generation t's proposal slot i.</summary>
    AbcGenerations = 0xABC5EC0DUL,

    /// <summary>A Pareto search's fresh members.</summary>
    ParetoFresh = 0x9A7E70F7E5EEDUL,

    /// <summary>A package optimiser's confirmation seed.</summary>
    PackageConfirmation = 0xC0F1A7A710E5EEDUL,

    /// <summary>A scorecard's assignment of cases to folds.</summary>
    ScorecardFolds = 0xF01D5UL,

    /// <summary>A coverage check's synthetic case bases (the true structure and histories of base i).</summary>
    CoverageBases = 0x5BC0C0DEUL,

    /// <summary>A conditional reference's replications at node i of stage s (<see cref="RareEvents.ConditionalReference"/>).</summary>
    ConditionalReference = 0xC0D17E5EEDUL,
}

/// <summary>Constants passed as the first counter of a counter-based family keyed by the bare seed.</summary>
internal static class CounterTags
{
    /// <summary>The seed of case k of a calibration: <c>CounterBits(seed, CaseSeeds, k)</c>.</summary>
    public const long CaseSeeds = 0x5CA5E;

    /// <summary>The seed of fold f's calibration in a scorecard: <c>CounterBits(seed, f, ScorecardCalibration)</c>.</summary>
    public const long ScorecardCalibration = 0x5C0DE;
}
