using SanctionsSim.Design;
using SanctionsSim.Experiments;
using SanctionsSim.IO;
using SanctionsSim.IO.Jobs;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Tests.IO.Jobs;

/// <summary><c>optimize --out</c>'s evaluation folder (its opening moved from the command line, #28 item 3): the same search resumes, another search or a second run without --resume is refused.</summary>
public class CachedPackageProblemTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("sanctionssim-cache-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void AFolderOfEvaluations_ResumesOnlyTheSameSearch()
    {
        var problem = new ScenarioPackageProblem(Presets.Get("venezuela-2019"), [ExperimentParameter.Uniform("regime.reprisalProbability", 0.1, 0.9)], ["senderCost"]);
        var cache = CachedPackageProblem.Open(problem, _folder, "optimize", resume: false);
        File.Exists(Path.Combine(_folder, "search.json")).ShouldBeTrue();
        cache.Evaluate([0.5], seed: 3, first: 0, count: 2);
        Directory.GetFiles(Path.Combine(_folder, "evaluations"), "*.json").Length.ShouldBe(1);

        Should.Throw<UserInputException>(() => CachedPackageProblem.Open(problem, _folder, "optimize", resume: false)).Message.ShouldContain("already holds a search's evaluations; pass --resume");
        Should.Throw<UserInputException>(() => CachedPackageProblem.Open(problem, _folder, "pareto", resume: true)).Message.ShouldContain("holds the evaluations of another search");
        var resumed = CachedPackageProblem.Open(problem, _folder, "optimize", resume: true);
        resumed.Evaluate([0.5], seed: 3, first: 0, count: 2);
        resumed.Read.ShouldBe(1);
    }
}
