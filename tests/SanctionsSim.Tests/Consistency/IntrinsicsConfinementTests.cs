using System.Text.RegularExpressions;

namespace SanctionsSim.Tests.Consistency;

/// <summary>
/// Vector intrinsics (System.Runtime.Intrinsics, Vector128/256, Avx2, Sse2, …) are to live in one folder,
/// <c>src/SanctionsSim/Intrinsics</c> (#28 item 6): a ratchet until they are moved there. A source file outside it
/// that uses them fails unless it is one of the files that did when the ratchet was set, and an entry of that list
/// that no longer uses them fails too, so the list only shrinks.
/// </summary>
public partial class IntrinsicsConfinementTests
{
    private const string Folder = "src/SanctionsSim/Intrinsics/";

    /// <summary>The files that used intrinsics outside the folder when the ratchet was set (remove each as it moves).</summary>
    private static readonly string[] NotYetMoved =
    [
        "src/SanctionsSim/Cascades/CascadeKernel.cs",
        "src/SanctionsSim/Cascades/WattsModel.cs",
        "src/SanctionsSim/MonteCarlo/RandomStream.cs",
        "src/SanctionsSim/Networks/ErdosRenyi.cs",
        "src/SanctionsSim/Simulation/Draws/DrawRow.cs",
        "src/SanctionsSim/Simulation/Kernels/VectorDecisionKernel.cs",
    ];

    [Test]
    public void NoSourceFile_OutsideTheIntrinsicsFolder_UsesIntrinsics_ButTheOnesNotYetMoved()
        => Users().Where(f => !f.StartsWith(Folder, StringComparison.Ordinal)).Except(NotYetMoved)
            .ShouldBeEmpty($"put vector intrinsics in small helpers under {Folder} and call those");

    [Test]
    public void EveryFileNotYetMoved_StillUsesIntrinsics()
        => NotYetMoved.Except(Users()).ShouldBeEmpty("moved: remove it from NotYetMoved");

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
