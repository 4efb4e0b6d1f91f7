using System.Text.RegularExpressions;
using SanctionsSim.Cli;

namespace SanctionsSim.Tests.Cli;

/// <summary>Every command that estimates opens with a one-sentence verdict, and prints no raw double or exponent (small, fast sizes).</summary>
public partial class VerdictTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("sanctionssim-verdict-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private static async Task<string> Table(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await CliApp.RunAsync(args, output, error, interactive: false);
        code.ShouldBe(0, error.ToString());
        return output.ToString();
    }

    private static void OpensWithAVerdict_AndHasNoRawNumbers(string output)
    {
        output.ShouldStartWith("Verdict: ");
        string first = output.Split('\n')[0];
        first.TrimEnd().ShouldEndWith("."); // one sentence, on one line
        Exponent().IsMatch(output).ShouldBeFalse(output);
        RawDouble().IsMatch(output).ShouldBeFalse(output);
    }

    [Test]
    public async Task Run() => OpensWithAVerdict_AndHasNoRawNumbers(await Table("run", "--runs", "50"));

    [Test]
    public async Task RunRareEvent() => OpensWithAVerdict_AndHasNoRawNumbers(await Table("run", TestStructure.PresetFile("venezuela-2019"), "--structure", "medians", "--rare-event", "--particles", "50", "--splitting-runs", "3", "--pilot-particles", "100", "--seed", "5", "--detail")); // the six-case structure, where the event can happen

    [Test]
    public async Task SensitivityOfAScenario() => OpensWithAVerdict_AndHasNoRawNumbers(await Table("sensitivity", "--preset", "venezuela-2019-amnesty", "--param", "coalition.us.amnesty.credibility=0.2:1", "--param", "regime.detectionProbability=0.05:0.6", "--samples", "4", "--runs", "4"));

    [Test]
    public async Task SensitivityMorris() => OpensWithAVerdict_AndHasNoRawNumbers(await Table("sensitivity", "--function", "ishigami", "--method", "morris", "--samples", "20"));

    [Test]
    public async Task Tipping() => OpensWithAVerdict_AndHasNoRawNumbers(await Table("tipping", "--preset", "venezuela-2019-amnesty", "--param", "coalition.us.amnesty.credibility=0.2:1", "--points", "5", "--runs", "30", "--bootstrap", "50"));

    [Test]
    public async Task Optimize() => OpensWithAVerdict_AndHasNoRawNumbers(await Table(TestStructure.Cli("optimize", "--preset", "venezuela-2019", "--param", "coalition.us.contactCampaign.reachPerWeek=0:200", "--target", "0.3", "--candidates", "4", "--runs", "10", "--rounds", "1", "--confirm", "20", "--seed", "3"))); // the six-case structure, where the target is reachable

    [Test]
    public async Task Robust() => OpensWithAVerdict_AndHasNoRawNumbers(await Table("robust", "venezuela-2019", "venezuela-2019-contact", "--particles", "12", "--runs", "6", "--seed", "3"));

    [Test]
    public async Task Calibrate()
    {
        string output = await Table("calibrate", "--case", "zimbabwe-2017", "--case", "libya-2011", "--particles", "20", "--seed", "3", "--generations", "2", "--predictive", "10", "--out", Path.Combine(_folder, "cal"));
        OpensWithAVerdict_AndHasNoRawNumbers(output);
        output.ShouldNotContain("stopped: Generations"); // D8
    }

    [GeneratedRegex(@"\d[eE][+-]\d")]
    private static partial Regex Exponent();

    // a number with more than six decimals is a raw double, not a rounded figure
    [GeneratedRegex(@"\d\.\d{7,}")]
    private static partial Regex RawDouble();
}
