using SanctionsSim.Cli;

namespace SanctionsSim.Tests.Cli;

/// <summary>What command-line tests share: a fresh temporary folder per test, and the CLI run in process with its output and error captured.</summary>
public abstract class CliFolderTest
{
    /// <summary>The test's folder (deleted after it).</summary>
    protected string Folder { get; private set; } = "";

    [SetUp]
    public void CreateFolder() => Folder = Directory.CreateTempSubdirectory("sanctionssim-cli-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(Folder, recursive: true);

    /// <summary>Runs the CLI with these arguments.</summary>
    protected static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await CliApp.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
