using System.ComponentModel.DataAnnotations;
using SanctionsSim.Cli;
using SanctionsSim.IO;
using SanctionsSim.Model;

namespace SanctionsSim.Tests.Cli;

/// <summary>Only the user's mistakes exit 2; anything else exits 1, and a bug says it is one (#28 item 3).</summary>
public class ExitCodeTests : CliFolderTest
{
    [Test]
    public async Task UserInputErrors_ExitTwo_NamingWhatWasWrong()
    {
        var missing = await Run("run", Path.Combine(Folder, "no-such-scenario.json"), "--runs", "5");
        missing.Code.ShouldBe(CliApp.BadInput);
        missing.Error.ShouldContain("does not exist");

        var runs = await Run("run", "--runs", "0");
        runs.Code.ShouldBe(CliApp.BadInput);
        runs.Error.ShouldContain("--runs");
        runs.Error.ShouldContain("got 0");
        runs.Error.ShouldContain("[1, 1099511627776]"); // the library's range, as the one validation idiom writes it (2^40)

        var confidence = await Run("run", "--runs", "5", "--confidence", "1.5");
        confidence.Code.ShouldBe(CliApp.BadInput);
        confidence.Error.ShouldContain("--confidence");
        confidence.Error.ShouldContain("1.5");

        var unknownCase = await Run("scorecard", "--case", "no-such-case");
        unknownCase.Code.ShouldBe(CliApp.BadInput);
        unknownCase.Error.ShouldContain("--case: Unknown case 'no-such-case'");

        var lever = await Run("sweep", "--param", "coalition.us.amnesti.credibility=0:1", "--points", "2", "--runs", "2");
        lever.Code.ShouldBe(CliApp.BadInput);
        lever.Error.ShouldContain("did you mean 'amnesty'");
        lever.Error.ShouldNotContain("(Parameter");

        var parse = await Run("run", "--no-such-option");
        parse.Code.ShouldBe(CliApp.BadInput);
    }

    [Test]
    public async Task ABugInsideACommand_ExitsOne_SaysItIsABug_WithTheExceptionsTypeAndMessage()
    {
        using var broken = new ThrowingWriter();
        using var error = new StringWriter();
        int code = await CliApp.RunAsync(["presets"], broken, error);
        code.ShouldBe(CliApp.Failure);
        string message = error.ToString();
        message.ShouldContain("this is a bug in SanctionsSim, not a mistake in your input");
        message.ShouldContain("System.InvalidOperationException: the writer broke");
        message.ShouldContain("please report it");
    }

    [Test]
    public void Exceptions_AreSortedIntoTheUsersMistakes_AndBugs()
    {
        CliApp.Failed(new UserInputException("--x must be 1")).ShouldBe((CliApp.BadInput, "error: --x must be 1"));
        CliApp.Failed(new ScenarioValidationException()).Code.ShouldBe(CliApp.BadInput);
        CliApp.Failed(new ValidationException("Invalid options")).Code.ShouldBe(CliApp.BadInput);
        CliApp.Failed(new FolderStateException("holds the checkpoint of another batch")).Code.ShouldBe(CliApp.BadInput);
        CliApp.Failed(new FileNotFoundException("no such file")).Code.ShouldBe(CliApp.BadInput);
        CliApp.Failed(new DirectoryNotFoundException("no such folder")).Code.ShouldBe(CliApp.BadInput);

        // a library's argument check that fires is a broken promise of the command line, not the user's typo
        var argument = CliApp.Failed(new ArgumentOutOfRangeException("count", 3, "count must be below 2."));
        argument.Code.ShouldBe(CliApp.Failure);
        argument.Message.ShouldContain("System.ArgumentOutOfRangeException");
        argument.Message.ShouldContain("bug");
        CliApp.Failed(new InvalidOperationException("x")).Code.ShouldBe(CliApp.Failure);
        CliApp.Failed(new NullReferenceException()).Message.ShouldContain("please report it");

        // not the user's input, not a bug either: a disk that is full, a batch stopped
        CliApp.Failed(new IOException("disk full")).ShouldBe((CliApp.Failure, "error: disk full"));
        CliApp.Failed(new OperationCanceledException()).ShouldBe((CliApp.Failure, "cancelled"));
    }

    /// <summary>A writer that fails as a bug would: what the command prints throws.</summary>
    private sealed class ThrowingWriter : StringWriter
    {
        public override void Write(char value) => throw new InvalidOperationException("the writer broke");

        public override void Write(string? value) => throw new InvalidOperationException("the writer broke");

        public override void WriteLine(string? value) => throw new InvalidOperationException("the writer broke");

        public override Task WriteAsync(string? value) => throw new InvalidOperationException("the writer broke");

        public override Task WriteLineAsync(string? value) => throw new InvalidOperationException("the writer broke");
    }
}
