using System.Diagnostics;
using System.Text.RegularExpressions;
using SanctionsSim.Cli;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using SkiaSharp;

namespace SanctionsSim.Tests.Cli;

/// <summary>The HTML report: self-contained, and rendered by a real browser (headless Chromium) without console errors.</summary>
public partial class ReportTests
{
    private const string Chromium = "/usr/bin/chromium";
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("sanctionssim-report-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private async Task<string> Report(params string[] args)
    {
        string path = Path.Combine(_folder, "report.html");
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await CliApp.RunAsync([.. args, "--report", path], output, error);
        code.ShouldBe(0, error.ToString());
        return path;
    }

    [Test]
    public async Task RunReport_HoldsVerdictTablesChartsGlossaryAndProvenance_AndLoadsNothing()
    {
        string html = await File.ReadAllTextAsync(await Report("run", "--preset", "venezuela-2019-amnesty", "--runs", "80", "--seed", "4"));
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("In 80 simulated runs of 52 weeks of &#39;venezuela-2019-amnesty&#39;");
        html.ShouldContain("spread across runs");
        Regex.Count(html, "<svg").ShouldBe(7); // four charts of the cascade, the outcomes, two of the adaptive agents
        html.ShouldContain("Adaptive agents (per run)");
        html.ShouldContain("What the terms mean");
        html.ShouldContain("sanctionssim run --preset venezuela-2019-amnesty --runs 80 --seed 4"); // golden text updated deliberately (D1: the preset is named as a preset)
        html.ShouldContain(SanctionsSim.Scenarios.ScenarioJson.Hash(Presets.Get("venezuela-2019-amnesty")));
        // nothing from the network: no scripts, style sheets, images, fonts or frames from elsewhere
        ExternalReference().IsMatch(html).ShouldBeFalse();
    }

    [Test]
    public async Task ComparisonReport_SaysHowEachArmsRunsEnded_WithTheOutcomeTypesOfThoseRuns()
    {
        string html = await File.ReadAllTextAsync(await Report("compare", "venezuela-2019", "venezuela-2019-amnesty", "--runs", "80", "--seed", "2", "--structure", "medians") /* the library's PolicyComparison below is at the medians (#27 item 1) */);
        html.ShouldContain("<h2>How the runs ended</h2><table><thead><tr><th>scenario</th><th>survived</th><th>removed by the high command</th><th>collapse by defection</th><th>split</th></tr></thead>");
        var expected = new SanctionsSim.Analysis.PolicyComparison([Presets.Get("venezuela-2019"), Presets.Get("venezuela-2019-amnesty")])
            .Run(new SanctionsSim.MonteCarlo.MonteCarloOptions { Replications = 80, Seed = 2 }).Summary;
        var rows = SanctionsSim.Plotting.Reports.HtmlReport.OutcomeRows(expected, 0.95).ToList();
        rows.Count.ShouldBe(2);
        foreach (string[] row in rows)
        {
            html.ShouldContain("<tr><td>" + System.Net.WebUtility.HtmlEncode(row[0]) + "</td>" + string.Concat(row.Skip(1).Select(c => "<td class=\"n\">" + System.Net.WebUtility.HtmlEncode(c) + "</td>")) + "</tr>");
        }

        // the high command is off in both presets: no run was removed by it, and the row says 0 with its interval
        rows[1][2].ShouldStartWith("0");
        rows[1][2].ShouldMatch(@"^0(\.0+)? % \[0(\.0+)?, \d+(\.\d+)?\]$");
        rows[1][3].ShouldBe(OutcomeCell(expected.Arms[1].OutcomeProbability(SanctionsSim.Model.OutcomeType.CollapseByDefection)));

        static string OutcomeCell(SanctionsSim.MonteCarlo.ProportionEstimate p)
        {
            var ci = p.Wilson(0.95);
            var (e, lo, hi) = SanctionsSim.IO.Text.Rounding.Percent(p.Estimate, ci.Lower, ci.Upper, p.StandardError);
            return $"{e} [{lo.Replace(" %", "", StringComparison.Ordinal)}, {hi.Replace(" %", "", StringComparison.Ordinal)}]";
        }
    }

    [Test]
    public async Task ComparisonReport_RendersInHeadlessChromium_WithoutConsoleErrors_AndIsNotBlank()
    {
        if (!File.Exists(Chromium))
        {
            // CI installs Debian's chromium (.ci/run); elsewhere the test needs it installed
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail($"{Chromium} is missing: .ci/run installs Debian's chromium package");
            }

            Assert.Ignore($"{Chromium} is not installed (apt-get install chromium)");
        }

        string report = await Report("compare", "venezuela-2019", "venezuela-2019-amnesty", "--runs", "80");
        string screenshot = Path.Combine(_folder, "report.png");
        var start = new ProcessStartInfo(Chromium)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            ArgumentList =
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + Path.Combine(_folder, "profile"),
                "--enable-logging=stderr", "--v=0", "--window-size=1100,1600", "--screenshot=" + screenshot, new Uri(report).AbsoluteUri,
            },
        };
        using var browser = Process.Start(start)!;
        Task<string> stderr = browser.StandardError.ReadToEndAsync();
        Task<string> stdout = browser.StandardOutput.ReadToEndAsync();
        if (!browser.WaitForExit(60_000))
        {
            browser.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish within 60 s");
        }

        string log = await stderr + await stdout;
        browser.ExitCode.ShouldBe(0, log);
        // the page's console: Chromium logs every console message as CONSOLE(line); there must be none
        log.Split('\n').Where(l => l.Contains(":CONSOLE(", StringComparison.Ordinal) || l.Contains("Uncaught", StringComparison.Ordinal)).ShouldBeEmpty();

        using var bitmap = SKBitmap.Decode(screenshot);
        bitmap.ShouldNotBeNull();
        var colours = new HashSet<uint>();
        int ink = 0;
        for (int y = 0; y < bitmap.Height; y += 4)
        {
            for (int x = 0; x < bitmap.Width; x += 4)
            {
                SKColor c = bitmap.GetPixel(x, y);
                colours.Add((uint)c);
                ink += c.Red + c.Green + c.Blue < 600 ? 1 : 0;
            }
        }

        colours.Count.ShouldBeGreaterThan(50, "the screenshot is blank or nearly so");
        ink.ShouldBeGreaterThan(2_000, "too little drawn on the page");
    }

    [GeneratedRegex("""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
