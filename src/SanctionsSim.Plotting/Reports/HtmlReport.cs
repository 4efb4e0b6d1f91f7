using System.Globalization;
using System.Net;
using System.Text;
using SanctionsSim.Analysis;
using SanctionsSim.IO.Results;
using SanctionsSim.IO.Text;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;
using ScottPlot;

namespace SanctionsSim.Plotting.Reports;

/// <summary>
/// A report to send to a professor: one self-contained HTML file with the verdict, the tables, the charts inline as
/// SVG, the glossary, the scenario and its provenance (package version, seed, scenario hash, how to reproduce).
/// Nothing is loaded from the network: no scripts, fonts or style sheets from elsewhere.
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 980px; margin: 2em auto; padding: 0 1em; color: #1b1b1b; line-height: 1.45; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; } h2 { font-size: 1.2em; margin-top: 2em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
        .verdict { font-size: 1.1em; background: #f3f7fb; border-left: 4px solid #1f77b4; padding: 0.8em 1em; }
        table { border-collapse: collapse; margin: 0.8em 0; } th, td { padding: 0.3em 0.7em; border-bottom: 1px solid #e5e5e5; }
        th { text-align: left; background: #fafafa; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 1.2em 0; } figure svg { max-width: 100%; height: auto; } figcaption { color: #555; font-size: 0.9em; }
        dl dt { font-weight: 600; margin-top: 0.5em; } dl dd { margin-left: 1em; }
        pre { background: #f7f7f7; padding: 0.8em; overflow-x: auto; font-size: 0.85em; } .meta { color: #555; font-size: 0.9em; }
        """;

    /// <summary>The report of one batch.</summary>
    /// <param name="result">The batch.</param>
    /// <param name="scenario">Its scenario.</param>
    /// <param name="source">The scenario as the command named it: a file path as typed, or <c>--preset NAME</c>, and any option that changed it (<c>--weeks</c>, <c>--posterior</c>).</param>
    /// <param name="structure">Which structural parameters the runs used (<c>StructureChoice.Line</c>), or null to leave it unsaid.</param>
    public static string ForRun(MonteCarloResult<SanctionsSummary> result, Scenario scenario, string source, string? structure = null)
    {
        SanctionsSummary s = result.Summary;
        double c = result.Confidence;
        var html = Start($"{scenario.Name}: what the simulation says");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{Encode(scenario.Description)}</p>");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"verdict\">{Encode(Readable.Verdict(s, result.Replications, c))}</p>");
        html.Append("<h2>Results</h2>");
        Table(html, ["quantity", "estimate", $"{c.ToString("P0", CultureInfo.InvariantCulture)} interval", "spread across runs"], RunText.Rows(s, c));
        html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(Readable.CostNote(s))}</p>");
        if (structure is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{Encode(structure)}</p>");
        }

        html.Append("<h2>By faction (mean per run)</h2>");
        Table(html, RunText.FactionHeader, RunText.FactionRows(s));
        List<string[]> agents = RunText.AgentRows(s, c);
        if (agents.Count > 0)
        {
            html.Append("<h2>Adaptive agents (per run)</h2>");
            Table(html, RunText.AgentHeader, agents);
        }

        html.Append("<h2>Charts</h2>");
        Figure(html, Charts.FanChart(s), "How the defected share of command strength evolved: the median run and the bands in which the middle 50 % and 90 % of runs lay, with the collapse threshold.");
        Figure(html, Charts.SurvivalCurve(s, c), "The share of runs in which the regime still stood, week by week, with its interval.");
        Figure(html, Charts.Outcomes(s, c), "How the runs ended, week by week: removed by the high command, collapse by defection, or a split, each with its interval.");
        Figure(html, Charts.FinalShareHistogram(s), "How the runs ended: the final defected share of command strength, run by run.");
        Figure(html, Charts.DefectionsByFaction(s), "Defections by faction and rank (mean per run).");
        if (s.AgentSeries.Any(x => x.StartsWith("commitment/", StringComparison.Ordinal)))
        {
            Figure(html, Charts.Commitments(s), "How committed each sender and patron stayed, week by week (median and middle 50 % of runs).");
        }

        if (s.AgentSeries.Contains("regime/arrests"))
        {
            Figure(html, Charts.RegimeActions(s), "What the regime did against defection each week: arrests, rotations and promotions (mean per run).");
        }

        End(html, [scenario], result.Replications, result.Seed, c, $"sanctionssim run {source} --runs {result.Replications} --seed {result.Seed} --report report.html");
        return html.ToString();
    }

    /// <summary>The report of a comparison.</summary>
    /// <param name="result">The comparison.</param>
    /// <param name="scenarios">Its arms.</param>
    /// <param name="sources">The arms as the command named them (file paths as typed, or preset names), and any option that changed them (<c>--posterior</c>).</param>
    /// <param name="structure">Which structural parameters the runs used (<c>StructureChoice.Line</c>), or null to leave it unsaid.</param>
    public static string ForComparison(MonteCarloResult<ComparisonSummary> result, IReadOnlyList<Scenario> scenarios, string sources, string? structure = null)
    {
        ComparisonSummary s = result.Summary;
        double c = result.Confidence;
        var html = Start("Comparing policies: " + string.Join(", ", scenarios.Select(x => x.Name)));
        html.Append("<div class=\"verdict\">");
        foreach (string sentence in Readable.Verdict(s, c))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(sentence)}</p>");
        }

        html.Append("</div><h2>Results (paired runs on common random numbers)</h2>");
        Table(html, CompareText.Header(s), CompareText.Rows(s, c));
        if (structure is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{Encode(structure)}</p>");
        }

        html.Append("<h2>How the runs ended</h2>");
        Table(html, ["scenario", .. Enum.GetValues<OutcomeType>().Select(Readable.Outcome)], OutcomeRows(s, c));
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">The share of runs that ended each way, with its {c.ToString("P0", CultureInfo.InvariantCulture)} interval; P(collapse) is removed by the high command plus collapse by defection. The high command can remove the ruler only in a scenario that enables it (<code>highCommand.enabled</code>, off in every preset).</p>");
        html.Append("<h2>Charts</h2>");
        Figure(html, Charts.PolicyComparison(s, c), $"How much each policy changes the probability of collapse compared with {s.Arms[0].ScenarioName}, in percentage points, with its {c.ToString("P0", CultureInfo.InvariantCulture)} interval from the paired runs (each policy's own probability in its label).");
        Figure(html, Charts.SurvivalCurves(s, c), "The share of runs in which the regime still stood, week by week, for each policy on the same paired runs, with its interval.");
        End(html, scenarios, result.Replications, result.Seed, c, $"sanctionssim compare {sources} --runs {result.Replications} --seed {result.Seed} --report report.html");
        return html.ToString();
    }

    /// <summary>One row per arm: each outcome type's probability with its interval ("12 % [9, 15]").</summary>
    internal static IEnumerable<string[]> OutcomeRows(ComparisonSummary s, double confidence)
    {
        foreach (var arm in s.Arms)
        {
            var row = new List<string> { arm.ScenarioName };
            foreach (OutcomeType type in Enum.GetValues<OutcomeType>())
            {
                var p = arm.OutcomeProbability(type);
                var ci = p.Wilson(confidence);
                var (e, lo, hi) = Rounding.Percent(p.Estimate, ci.Lower, ci.Upper, p.StandardError);
                row.Add($"{e} [{lo[..^2]}, {hi[..^2]}]");
            }

            yield return [.. row];
        }
    }

    /// <summary>
    /// The report of a comparison whose arms were not named on a command line (the explorer): each arm is cited as
    /// its preset when it is the preset exactly (same scenario hash), else as NAME.json, the file the explorer
    /// downloads for it.
    /// </summary>
    public static string ForComparison(MonteCarloResult<ComparisonSummary> result, IReadOnlyList<Scenario> scenarios)
        => ForComparison(result, scenarios, string.Join(' ', scenarios.Select(SourceOf)));

    /// <summary>A scenario as a command names it: the preset's name when it is that preset unchanged, else its file (NAME.json).</summary>
    internal static string SourceOf(Scenario scenario)
    {
        if (Presets.Names.Contains(scenario.Name) && ScenarioJson.Hash(Presets.Get(scenario.Name)) == ScenarioJson.Hash(scenario))
        {
            return scenario.Name;
        }

        string stem = new string(scenario.Name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).Trim('-');
        return ShellWords.Quote((stem.Length == 0 ? "scenario" : stem) + ".json");
    }

    private static StringBuilder Start(string title)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{Encode(title)}</title><style>{Style}</style></head><body><h1>{Encode(title)}</h1>");
        return html;
    }

    private static void End(StringBuilder html, IReadOnlyList<Scenario> scenarios, long runs, ulong seed, double confidence, string reproduce)
    {
        html.Append("<h2>What the terms mean</h2><dl>");
        foreach (var (term, meaning) in Glossary.Entries)
        {
            html.Append(CultureInfo.InvariantCulture, $"<dt>{Encode(term)}</dt><dd>{Encode(meaning)}</dd>");
        }

        html.Append("</dl><h2>Provenance</h2><ul class=\"meta\">");
        html.Append(CultureInfo.InvariantCulture, $"<li>SanctionsSim {Encode(SummaryJson.PackageVersion)}; {runs:N0} runs, seed {seed}, {confidence.ToString("P0", CultureInfo.InvariantCulture)} intervals. The same command gives the same numbers on any machine and thread count.</li>");
        html.Append(CultureInfo.InvariantCulture, $"<li>To reproduce: <code>{Encode(reproduce)}</code></li>");
        foreach (Scenario scenario in scenarios)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>Scenario <b>{Encode(scenario.Name)}</b>, SHA-256 of its canonical JSON <code>{ScenarioJson.Hash(scenario)}</code></li>");
        }

        html.Append("</ul>");
        foreach (Scenario scenario in scenarios)
        {
            html.Append(CultureInfo.InvariantCulture, $"<details><summary>The scenario {Encode(scenario.Name)} (JSON)</summary><pre>{Encode(ScenarioJson.Write(scenario))}</pre></details>");
        }

        html.Append("</body></html>\n");
    }

    private static void Table(StringBuilder html, IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        html.Append("<table><thead><tr>");
        foreach (string h in header)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{Encode(h)}</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (string[] row in rows)
        {
            html.Append("<tr>");
            for (int i = 0; i < row.Length; i++)
            {
                html.Append(i == 0 ? "<td>" : "<td class=\"n\">").Append(Encode(row[i])).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void Figure(StringBuilder html, Plot plot, string caption)
    {
        string svg = plot.GetSvgXml(900, 520);
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        html.Append("<figure>").Append(start > 0 ? svg[start..] : svg).Append(CultureInfo.InvariantCulture, $"<figcaption>{Encode(caption)}</figcaption></figure>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
