using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace SanctionsSim.Tests.Docs;

/// <summary>
/// The ablation table of docs/model.md (§Ablations) is rendered from the recorded run, docs/results/ablation.json,
/// written by samples/ablation.cs; the switches it names are fields of the scenario file.
/// </summary>
public class AblationPageTests
{
    private const string Begin = "<!-- ablation:begin -->";
    private const string End = "<!-- ablation:end -->";

    /// <summary>What each conclusion key of the results file says.</summary>
    private static readonly (string Key, string Label, string Text)[] Conclusions =
    [
        ("baselineSurvives", "the baseline survives", "venezuela-2019 survives: the upper end of P(ruler gone)'s interval is below 0.5 (the regime survived 2019)"),
        ("amnestyLargest", "the amnesty is the largest lever", "the credible amnesty is the largest single lever (the largest paired effect of the four)"),
        ("contactSecond", "the contact campaign is second", "the wide contact campaign is the second (its effect larger than EU oil's and lower reprisal's)"),
        ("everyLeverRaisesP", "every lever helps", "each of the four counterfactuals raises P(ruler gone) (every paired interval above 0)"),
        ("beatsSurvives", "the model beats \"the regime survives\"", "held out, the model beats \"the regime survives\" (Brier difference beyond two standard errors)"),
        ("notBeatenByBaseRate", "the base rate does not beat the model", "held out, the base rate does not beat the model (difference within two standard errors, or in the model's favour)"),
        ("beatsBaseRate", "the model beats the base rate", "held out, the model beats the base rate (not claimed for the shipped model: docs/scorecard.md)"),
    ];

    private static string Root => Simulation.VenezuelaPresetTests.RepositoryRoot();

    [Test]
    public void TheTableInTheModelPage_IsRenderedFromTheRecordedRun()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "docs", "results", "ablation.json")))!.AsObject();
        string rendered = Render(json);
        string path = Path.Combine(Root, "docs", "model.md");
        string page = File.ReadAllText(path).ReplaceLineEndings("\n");
        int start = page.IndexOf(Begin, StringComparison.Ordinal);
        int end = page.IndexOf(End, StringComparison.Ordinal);
        start.ShouldBeGreaterThan(0, "docs/model.md has the ablation markers");
        end.ShouldBeGreaterThan(start);
        string current = page[(start + Begin.Length)..end];
        if (Environment.GetEnvironmentVariable("SANCTIONSSIM_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, page[..(start + Begin.Length)] + rendered + page[end..]);
            current = rendered;
        }

        current.ShouldBe(rendered, "docs/model.md's ablation table does not match docs/results/ablation.json: rerun the command it names, or the tests with SANCTIONSSIM_UPDATE_DOCS=1");
    }

    [Test]
    public void TheRecordedRun_NamesSwitchesOfTheScenarioFile_AndReproducesTheShippedModelWithEverySwitchOff()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "docs", "results", "ablation.json")))!.AsObject();
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "docs", "scenario.schema.json")))!.AsObject();
        foreach (var s in json["switches"]!.AsArray())
        {
            string field = s!["field"]!.GetValue<string>();
            OddPageTests.Resolve(schema, field).ShouldNotBeNull($"the ablation's switch {field} is not a field of the scenario file");
        }

        json["command"]!.GetValue<string>().ShouldStartWith("dotnet run -c Release samples/ablation.cs");
        var variants = json["variants"]!.AsArray().Select(v => v!.AsObject()).ToList();
        var shipped = variants.Single(v => v["name"]!.GetValue<string>() == "as shipped");
        var off = variants.Single(v => v["name"]!.GetValue<string>() == "every switch off");
        off["venezuela"]!.ToJsonString().ShouldBe(shipped["venezuela"]!.ToJsonString());
    }

    /// <summary>The block between the markers: settings, fit and forecasts, the Venezuela arms, the conclusions.</summary>
    internal static string Render(JsonObject json)
    {
        var c = CultureInfo.InvariantCulture;
        var settings = json["settings"]!.AsObject();
        var switches = json["switches"]!.AsArray().Select(s => (Name: s!["name"]!.GetValue<string>(), Field: s["field"]!.GetValue<string>())).ToList();
        var variants = json["variants"]!.AsArray().Select(v => v!.AsObject()).ToList();
        double D(JsonNode? n) => n!.GetValue<double>();
        string F(double x) => x.ToString("F3", c);
        string S(double x) => x.ToString("+0.000;-0.000;0.000", c);
        string Name(JsonObject v) => v["name"]!.GetValue<string>();

        var b = new StringBuilder("\n");
        b.Append(c, $"Recorded with `{json["command"]}` (seed {json["seed"]}; the Venezuela arms seed {json["venezuelaSeed"]}): in sample, ");
        b.Append(c, $"{settings["inSampleRepeats"]} evaluations of {settings["replicationsPerCase"]} replications per case on the {settings["cases"]} cases; ");
        b.Append(c, $"held out, {settings["folds"]} folds, {settings["particles"]} particles, {settings["generations"]} generations, {settings["runsPerForecast"]} runs per forecast; ");
        b.Append(c, $"{settings["venezuelaRuns"]} runs per Venezuela arm. Switches: {string.Join(", ", switches.Select(s => $"{s.Name} (`{s.Field}`)"))}. ");
        b.Append("The in-sample distance and the Venezuela arms use the shipped structure (the posterior medians, calibrated with every switch off), not recalibrated with the switches on; ");
        b.Append("the held-out scorecard calibrates the structure on each fold's training cases with the variant's switches.\n\n");

        b.Append("| variant | switches on | in-sample distance (± se; lower is better) | held-out Brier (± se) | base rate − model (± se) | \"survives\" − model (± se) |\n");
        b.Append("|---|---|---|---|---|---|\n");
        foreach (var v in variants)
        {
            var on = switches.Where(s => v["switches"]![s.Field]!.GetValue<string>() == "on").Select(s => s.Name).ToList();
            string state = v["switches"]!.AsObject().All(p => p.Value!.GetValue<string>() == "as shipped") ? "as shipped (none)" : on.Count == 0 ? "none" : string.Join(", ", on);
            var i = v["inSample"]!;
            var h = v["heldOut"]!;
            b.Append(c, $"| {Name(v)} | {state} | {F(D(i["distance"]))} ± {F(D(i["standardError"]))} | {F(D(h["brier"]))} ± {F(D(h["standardError"]))} | ");
            b.Append(c, $"{S(D(h["baseRateMinusModel"]))} ± {F(D(h["baseRateMinusModelStandardError"]))} | {S(D(h["survivesMinusModel"]))} ± {F(D(h["survivesMinusModelStandardError"]))} |\n");
        }

        var presets = variants[0]["venezuela"]!.AsArray().Select(a => a!["preset"]!.GetValue<string>()).ToList();
        b.Append("\nP(ruler gone) within the horizon [95 % Wilson interval], and for each counterfactual its paired difference from the baseline [95 %]:\n\n");
        b.Append("| variant | ").Append(string.Join(" | ", presets)).Append(" |\n|---|").Append(string.Concat(presets.Select(_ => "---|"))).Append('\n');
        foreach (var v in variants)
        {
            b.Append(c, $"| {Name(v)} |");
            foreach (var a in v["venezuela"]!.AsArray())
            {
                b.Append(c, $" {F(D(a!["rulerGone"]))} [{F(D(a["lower"]))}, {F(D(a["upper"]))}]");
                if (a["difference"] is { } d)
                {
                    b.Append(c, $"; Δ {S(D(d))} [{S(D(a["differenceLower"]))}, {S(D(a["differenceUpper"]))}]");
                }

                b.Append(" |");
            }

            b.Append('\n');
        }

        b.Append("\nWhich of the model's conclusions hold in each variant:\n\n| conclusion | holds in | fails in |\n|---|---|---|\n");
        var survive = new List<string>();
        var fail = new List<string>();
        foreach (var (key, label, text) in Conclusions)
        {
            var failing = variants.Where(v => !v["conclusions"]![key]!.GetValue<bool>()).Select(Name).ToList();
            int holds = variants.Count - failing.Count;
            b.Append(c, $"| {text} | {(failing.Count == 0 ? "every variant" : $"{holds} of {variants.Count}")} | {(failing.Count == 0 ? "—" : string.Join("; ", failing))} |\n");
            (failing.Count == 0 ? survive : fail).Add(label);
        }

        b.Append(c, $"\n**Surviving every variant:** {(survive.Count == 0 ? "none" : string.Join("; ", survive))}. ");
        b.Append(c, $"**Not surviving every variant:** {(fail.Count == 0 ? "none" : string.Join("; ", fail))}.\n");
        return b.ToString();
    }
}
