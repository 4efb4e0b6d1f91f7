using System.Net;
using SanctionsSim.Cli;

namespace SanctionsSim.Tests.Explorer;

/// <summary><c>sanctionssim explore</c>: serves the page on 127.0.0.1 until cancelled (Ctrl+C); bad options exit 2.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ExploreCommandTests
{
    [Test]
    public async Task Explore_ServesThePageOnLoopback_UntilCancelled()
    {
        using var printed = new StringWriter();
        using var messages = new StringWriter();
        TextWriter output = TextWriter.Synchronized(printed), error = TextWriter.Synchronized(messages);
        using var stop = new CancellationTokenSource();
        Task<int> run = CliApp.RunAsync(["explore", "--port", "0", "--no-browser", "--max-runs", "500"], output, error, cancellationToken: stop.Token);
        string? url = null;
        for (int i = 0; i < 300 && url is null && !run.IsCompleted; i++)
        {
            await Task.Delay(100);
            string text;
            lock (output)
            {
                text = printed.ToString(); // the synchronized writer locks on itself while it writes
            }

            int at = text.IndexOf("http://", StringComparison.Ordinal);
            url = at < 0 ? null : text[at..].Split(' ')[0];
        }

        url.ShouldNotBeNull($"no address printed; error: {messages}");
        url.ShouldStartWith("http://127.0.0.1:");
        using (var client = new HttpClient())
        {
            (await client.GetStringAsync(url)).ShouldContain("SanctionsSim Explorer");
            string presets = await client.GetStringAsync(url + "api/presets");
            presets.ShouldContain("\"maxRuns\":500");
            // a request naming another host (DNS rebinding) is refused
            using var foreign = new HttpRequestMessage(HttpMethod.Get, url);
            foreign.Headers.Host = "attacker.example";
            (await client.SendAsync(foreign)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        await stop.CancelAsync();
        (await run.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(CliApp.Success);
        messages.ToString().ShouldContain("explorer stopped");
    }

    [TestCase("--port", "70000", "--port must be in [0, 65535]; got 70000.")]
    [TestCase("--max-runs", "0", "--max-runs must be in [1, 10000000]; got 0.")]
    [TestCase("--max-seconds", "0", "--max-seconds must be in (0, 3600]; got 0.")]
    [TestCase("--host", "example.org", "--host must be an IP address or localhost; got 'example.org'.")]
    public async Task Explore_RefusesBadOptions_WithExitCode2(string option, string value, string message)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await CliApp.RunAsync(["explore", "--no-browser", option, value], output, error);
        code.ShouldBe(CliApp.BadInput);
        error.ToString().ShouldContain(message);
    }
}
