using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using SanctionsSim.Cli.Commands;
using SanctionsSim.Explorer.Hosting;

namespace SanctionsSim.Tests.Explorer;

/// <summary>The explorer on a test server, with the command-line tool's report and story wording.</summary>
internal sealed class ExplorerFactory(ExplorerOptions options) : WebApplicationFactory<SanctionsSim.Cli.CliContext>
{
    public ExplorerFactory()
        : this(ToolOptions())
    {
    }

    public ExplorerOptions Options => options;

    /// <summary>What <c>sanctionssim explore</c> serves, on any free port.</summary>
    public static ExplorerOptions ToolOptions(long maxRuns = 20_000, double maxSeconds = 60)
        => ExploreCommand.Options("127.0.0.1", 0, maxRuns, TimeSpan.FromSeconds(maxSeconds), -1);

    // the tool is the explorer's entry point (the factory wants a type of its assembly; Program is static, so another
    // of its public types stands in), but its Main is a command line: the host is built here, with the
    // explorer's services and pipeline as ExplorerServer builds them, on a test server instead of Kestrel
    protected override IHostBuilder CreateHostBuilder()
        => Host.CreateDefaultBuilder()
            .ConfigureWebHost(web => web
                .UseSetting("TEST_CONTENTROOT_SANCTIONSSIM_CLI", AppContext.BaseDirectory)
                .ConfigureServices(services => services.AddExplorer(options))
                .Configure(app => app.UseExplorer()));
}
