using System.Text.RegularExpressions;

namespace SanctionsSim.Tests.Consistency;

/// <summary>
/// Vector intrinsics (System.Runtime.Intrinsics, Vector128/256, Avx2, Sse2, …) live in one folder,
/// <c>src/SanctionsSim/Intrinsics</c> (#28 item 6): small primitives with a scalar path each (IntrinsicsTests holds
/// them to it), which the engine, the cascades, the networks and the random streams call. A source file outside the
/// folder that uses them fails.
/// </summary>
public partial class IntrinsicsConfinementTests
{
    private const string Folder = "src/SanctionsSim/Intrinsics/";

    [Test]
    public void NoSourceFile_OutsideTheIntrinsicsFolder_UsesIntrinsics()
        => Users().Where(f => !f.StartsWith(Folder, StringComparison.Ordinal))
            .ShouldBeEmpty($"put vector intrinsics in small helpers under {Folder} and call those");

    [Test]
    public void TheIntrinsicsFolder_UsesThem_SoThePatternStillMatches()
        => Users().ShouldContain(f => f.StartsWith(Folder, StringComparison.Ordinal), "the pattern no longer finds intrinsics where they are");

    private static List<string> Users()
    {
        string root = Simulation.VenezuelaPresetTests.RepositoryRoot();
        return Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Where(f => Intrinsic().IsMatch(File.ReadAllText(Path.Combine(root, f))))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"System\.Runtime\.Intrinsics|\bVector(64|128|256|512)\b|\b(Avx|Avx2|Avx512F|Sse|Sse2|Sse41|Fma|AdvSimd)\.")]
    private static partial Regex Intrinsic();
}
