using Microsoft.Playwright;
using Microsoft.Playwright.NUnit;
using SanctionsSim.Explorer.Hosting;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;

namespace SanctionsSim.Tests.Explorer;

/// <summary>
/// The explorer end to end in a real browser (Debian's chromium driven by Playwright): a slider moves the estimate,
/// a second package is compared, how the runs ended is shown (and changes when the high command is switched on), one run's story is told, and the report and the scenario file are downloaded.
/// The screenshot is kept in TestResults/explore.png.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ExplorerBrowserTests : PlaywrightTest
{
    private const string Chromium = "/usr/bin/chromium";

    [Test]
    public async Task Explorer_MovesASlider_ComparesTwoPackages_AndDownloadsTheReport()
    {
        if (!File.Exists(Chromium))
        {
            // CI installs Debian's chromium (.ci/run); elsewhere the test needs it installed
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail($"{Chromium} is missing: .ci/run installs Debian's chromium package");
            }

            Assert.Ignore($"{Chromium} is not installed (apt-get install chromium): the explorer's browser test needs it");
        }

        string results = Path.Combine(Simulation.VenezuelaPresetTests.RepositoryRoot(), "TestResults");
        Directory.CreateDirectory(results);
        await using ExplorerServer server = await ExplorerServer.StartAsync(ExplorerFactory.ToolOptions());
        await using IBrowser browser = await BrowserType.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true });
        IPage page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, AcceptDownloads = true });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, message) => errors.Add(message);

        await page.GotoAsync(server.Url.ToString());
        await page.Locator("#runs").FillAsync("400");
        await page.Locator("#runs").DispatchEventAsync("change");
        await Done(page, "400");
        string before = await page.Locator("#p-package").InnerTextAsync();
        (await page.Locator("#baseline-name").InnerTextAsync()).ShouldBe("venezuela-2019");

        // move a slider: a credible amnesty
        await page.Locator("[data-path='coalition.us.amnesty.credibility'] input").FillAsync("1");
        await page.WaitForFunctionAsync("before => document.getElementById('p-package').textContent !== before && document.getElementById('estimate').dataset.state === 'done' && document.getElementById('estimate').dataset.replications === '400'", before);
        string after = await page.Locator("#p-package").InnerTextAsync();
        after.ShouldNotBe(before);
        Percent(after).ShouldBeGreaterThan(Percent(before));
        (await page.Locator("[data-path='coalition.us.amnesty.credibility']").GetAttributeAsync("class"))!.ShouldContain("moved");

        // compare with a second package: the amnesty preset as the baseline
        await page.Locator("#baseline").SelectOptionAsync("venezuela-2019-amnesty");
        await page.WaitForFunctionAsync("() => document.getElementById('baseline-name').textContent === 'venezuela-2019-amnesty' && document.getElementById('estimate').dataset.state === 'done' && document.getElementById('estimate').dataset.replications === '400'");
        (await page.Locator("#difference").InnerTextAsync()).ShouldEndWith(" pp");
        (await page.Locator("#difference-ci").InnerTextAsync()).ShouldContain("venezuela-2019-explored minus venezuela-2019-amnesty");
        (await page.Locator("#survival polyline").CountAsync()).ShouldBe(2);

        // how the runs ended: with the high command off (as in every preset) they survived or collapsed by defection
        (await page.Locator("#outcome-table tbody tr").AllInnerTextsAsync()).Select(r => r.Split('\t')[0]).ShouldBe(["survived", "collapse by defection"]);
        (await page.Locator("#outcome-table tr[data-outcome='collapseByDefection']").InnerTextAsync()).ShouldMatch(@"collapse by defection\s+\d+\.\d % \[\d+\.\d, \d+\.\d\]\s+\d+\.\d % \[\d+\.\d, \d+\.\d\]\s+[+−]?\d+\.\d \[[+−]?\d+\.\d, [+−]?\d+\.\d\]$");
        (await page.Locator("#outcome-note").InnerTextAsync()).ShouldMatch(@"^Your package, median week: collapse by defection in week \d+\. No run ended this way: removed by the high command, split\. The high command is off in both scenarios");

        // the high command's switch: now the top brass may remove the ruler, and some runs end that way
        await page.Locator("[data-path='highCommand.enabled'] input").CheckAsync();
        await page.WaitForFunctionAsync("() => document.querySelector(\"#outcome-table tr[data-outcome='removedByHighCommand']\") !== null && document.getElementById('estimate').dataset.state === 'done' && document.getElementById('estimate').dataset.replications === '400'");
        (await page.Locator("#outcome-table tr[data-outcome='removedByHighCommand']").InnerTextAsync()).ShouldStartWith("removed by the high command\t");
        (await page.Locator("#outcome-note").InnerTextAsync()).ShouldNotContain("The high command is off");

        // one run's story
        await page.Locator("#story-replication").FillAsync("2");
        await page.Locator("#story-button").ClickAsync();
        await page.Locator("#story tbody tr").First.WaitForAsync();
        (await page.Locator("#story-summary").InnerTextAsync()).ShouldStartWith("Run 2 of 'venezuela-2019-explored' (seed 1)");
        (await page.Locator("#story-summary").GetAttributeAsync("data-outcome")).ShouldBeOneOf(OutcomeTypes.All.ToArray());

        // the downloads
        IDownload report = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-report").ClickAsync());
        report.SuggestedFilename.ShouldBe("venezuela-2019-explored-report.html");
        string reportPath = Path.Combine(results, "explore-report.html");
        await report.SaveAsAsync(reportPath);
        string html = await File.ReadAllTextAsync(reportPath);
        html.ShouldContain("Comparing policies: venezuela-2019-amnesty, venezuela-2019-explored");
        html.ShouldContain("400 runs, seed 1");
        html.ShouldContain("<h2>How the runs ended</h2>");
        IDownload scenario = await page.RunAndWaitForDownloadAsync(() => page.Locator("#download-scenario").ClickAsync());
        string scenarioPath = Path.Combine(results, "explore-scenario.json");
        await scenario.SaveAsAsync(scenarioPath);
        ScenarioJson.ReadFile(scenarioPath).HighCommand.Enabled.ShouldBeTrue();
        ScenarioJson.ReadFile(scenarioPath).Coalition[0].Instruments.Single(i => i.Kind == SanctionsSim.Policy.InstrumentKind.Amnesty).Credibility.ShouldBe(1);

        // a value the server refuses is shown, not swallowed
        await page.EvaluateAsync("() => { const i = document.querySelector(\"[data-path='coalition.us.amnesty.credibility'] input\"); i.max = 3; i.value = 2; i.dispatchEvent(new Event('change')); }");
        await page.Locator("#error").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        (await page.Locator("#error").InnerTextAsync()).ShouldContain("coalition.us.amnesty.credibility must be in [0, 1]; got 2");
        await page.EvaluateAsync("() => { const i = document.querySelector(\"[data-path='coalition.us.amnesty.credibility'] input\"); i.max = 1; i.value = 1; i.dispatchEvent(new Event('change')); }");
        await page.Locator("#error").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Hidden });
        await Done(page, "400");

        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(results, "explore.png"), FullPage = false });

        // a scenario file of one's own, and one the validator refuses
        string mine = Path.Combine(results, "explore-upload.json");
        await File.WriteAllTextAsync(mine, ScenarioJson.Write(SanctionsSim.Scenarios.Cases.Presets.Get("venezuela-2019-contact") with { Name = "my-package" }));
        await page.Locator("#upload").SetInputFilesAsync(mine);
        await page.WaitForFunctionAsync("() => document.getElementById('scenario-description').textContent.startsWith('my-package (52 weeks)')");
        await page.Locator("[data-path='coalition.us.contactCampaign.reachPerWeek']").WaitForAsync();
        await File.WriteAllTextAsync(mine, ScenarioJson.Write(SanctionsSim.Scenarios.Cases.Presets.Get("venezuela-2019")).Replace("\"weeks\": 52", "\"weeks\": 0", StringComparison.Ordinal));
        await page.Locator("#upload").SetInputFilesAsync(mine);
        await page.Locator("#error").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        (await page.Locator("#error").InnerTextAsync()).ShouldContain("$.weeks: ");
        errors.Where(e => !e.Contains("400 (Bad Request)", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    private static async Task Done(IPage page, string replications)
        => await page.WaitForFunctionAsync("n => document.getElementById('estimate').dataset.state === 'done' && document.getElementById('estimate').dataset.replications === n", replications);

    private static double Percent(string text) => double.Parse(text.Replace(" %", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
