using SanctionsSim.IO;
using SanctionsSim.IO.Inputs;

namespace SanctionsSim.Tests.IO.Inputs;

/// <summary><c>discover</c>'s input read from a CSV and split by the condition (moved from the command line, #28 item 3); each refusal names its option.</summary>
public class DiscoveryInputTests
{
    private string _file = "";

    [SetUp]
    public void WriteCsv()
    {
        _file = Path.GetTempFileName();
        File.WriteAllText(_file, "arm,a,b,p\nx,0.1,1,0.2\nx,0.5,2,0.6\nx,0.9,3,0.9\n");
    }

    [TearDown]
    public void DeleteCsv() => File.Delete(_file);

    [Test]
    public void TheCondition_SplitsThePoints_AndTheOtherNumericColumnsAreTheInputs()
    {
        var input = DiscoveryInput.Read(_file, "p<0.5", null);
        input.Inputs.ShouldBe(["a", "b"]);
        input.IsCase.ShouldBe([true, false, false]);
        input.Rows[1].ShouldBe([0.5, 2.0]);

        DiscoveryInput.Read(_file, "p>=0.6", ["b"]).IsCase.ShouldBe([false, true, true]);
    }

    [TestCase("pp<0.5", null, "--where: no numeric column 'pp'; did you mean 'p'? columns: a, b, p.")]
    [TestCase("p<x", null, "--where 'p<x': 'x' is not a finite number.")]
    [TestCase("p=0.5", null, "--where 'p=0.5': expected COLUMN<VALUE, COLUMN<=VALUE, COLUMN>VALUE or COLUMN>=VALUE, for example 'collapseProbability<0.5'.")]
    [TestCase("p<0.5", "p", "--input p is the column of --where; an input cannot define the cases it explains.")]
    [TestCase("p<0.1", null, "--where p<0.1: no point is a case of interest (of 3); p ranges over [0.2, 0.9].")]
    public void ABadCondition_OrInput_IsTheUsersMistake_NamingTheOption(string where, string? input, string message)
        => Should.Throw<UserInputException>(() => DiscoveryInput.Read(_file, where, input is null ? null : [input])).Message.ShouldBe(message);
}
