using SanctionsSim.IO;

namespace SanctionsSim.Tests.IO;

public class AtomicFileTests
{
    [Test]
    public void WriteThenRemoveTemporaries_DeletesOnlyTornWrites()
    {
        string folder = Directory.CreateTempSubdirectory("sanctionssim-atomic-").FullName;
        try
        {
            AtomicFile.WriteAllText(Path.Combine(folder, "a.json"), "{}");
            File.ReadAllText(Path.Combine(folder, "a.json")).ShouldBe("{}");
            string torn = Path.Combine(folder, $".a.json.4242.{Guid.NewGuid():N}.tmp");
            File.WriteAllText(torn, "{");
            string other = Path.Combine(folder, ".notes.tmp");
            File.WriteAllText(other, "mine");
            AtomicFile.RemoveTemporaries(folder).ShouldBe(1);
            File.Exists(torn).ShouldBeFalse();
            File.Exists(other).ShouldBeTrue();
            File.Exists(Path.Combine(folder, "a.json")).ShouldBeTrue();
            AtomicFile.RemoveTemporaries(Path.Combine(folder, "missing")).ShouldBe(0);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
