using System.CommandLine;
using System.Diagnostics;
using SanctionsSim.Explorer.Hosting;

namespace SanctionsSim.Cli.Commands;

/// <summary><c>sanctionssim explore [--port P] [--host H] [--no-browser]</c>: the explorer, a local web page with the levers as sliders.</summary>
internal static class ExploreCommand
{
    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port") { Description = "The port to serve on (0: any free port).", DefaultValueFactory = _ => 5290 };
        var host = new Option<string>("--host") { Description = "The address to listen on; the default, 127.0.0.1, serves this machine only.", DefaultValueFactory = _ => "127.0.0.1" };
        var noBrowser = new Option<bool>("--no-browser") { Description = "Do not open the page in the browser; just print its address." };
        var maxRuns = new Option<long>("--max-runs") { Description = "The most paired runs one estimate or report may use.", DefaultValueFactory = _ => 20_000 };
        var maxSeconds = new Option<double>("--max-seconds") { Description = "The longest one estimate or report may compute; it then stops with what finished.", DefaultValueFactory = _ => 60 };
        var threads = Common.Threads();
        var command = new Command("explore", "Open the explorer: a page on this machine where a scenario's levers are sliders and switches, the estimates stream in as runs accumulate, with one run's story and the report to download. Ctrl+C stops it.")
        {
            port, host, noBrowser, maxRuns, maxSeconds, threads,
        };
        command.SetAction(async (parse, token) =>
        {
            double seconds = parse.GetValue(maxSeconds);
            if (!(seconds > 0 && seconds <= 3600))
            {
                throw new UserInputException($"--max-seconds must be in (0, 3600]; got {seconds}.");
            }

            ExplorerOptions options = Options(parse.GetValue(host)!, parse.GetValue(port), parse.GetValue(maxRuns), TimeSpan.FromSeconds(seconds), parse.GetValue(threads));
            ExplorerServer server;
            try
            {
                server = await ExplorerServer.StartAsync(options, token).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new UserInputException($"--port {options.Port}: could not listen on {options.Host}:{options.Port} ({e.Message}); another program may use it: give another --port, or --port 0 for any free one.");
            }

            await using (server.ConfigureAwait(false))
            {
                await context.Output.WriteLineAsync($"SanctionsSim Explorer at {server.Url} (Ctrl+C stops it)").ConfigureAwait(false);
                if (!parse.GetValue(noBrowser) && !OpenBrowser(server.Url))
                {
                    await context.Error.WriteLineAsync($"could not open a browser: open {server.Url} yourself").ConfigureAwait(false);
                }

                await server.RunUntilCancelledAsync(token).ConfigureAwait(false);
            }

            await context.Error.WriteLineAsync("explorer stopped").ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }

    /// <summary>The explorer's options with the tool's own report and story wording.</summary>
    internal static ExplorerOptions Options(string host, int port, long maxRuns, TimeSpan maxTime, int threads)
    {
        var options = new ExplorerOptions
        {
            Host = host,
            Port = port,
            MaxReplications = maxRuns,
            MaxComputeTime = maxTime,
            Threads = threads,
            ComparisonReport = HtmlReport.ForComparison,
            DescribeWeek = TraceText.Happened,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UserInputException(e.Message);
        }

        return options;
    }

    private static bool OpenBrowser(Uri url)
    {
        try
        {
            var start = OperatingSystem.IsWindows() ? new ProcessStartInfo(url.ToString()) { UseShellExecute = true }
                : new ProcessStartInfo(OperatingSystem.IsMacOS() ? "open" : "xdg-open", url.ToString()) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            using Process? process = Process.Start(start);
            return process is not null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
