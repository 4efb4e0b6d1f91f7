using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SanctionsSim.Simulation;
using SanctionsSim.Cli;
using SanctionsSim.Tests.Scenarios.Cases;

namespace SanctionsSim.Tests.Cli;

/// <summary>
/// Golden outputs of the command line (#28 item 3): every command of docs/cli.md, at small fixed-seed settings, in
/// every output format it has, run in process; its exit code, standard output, standard error and every file it
/// writes are compared byte for byte with Cli/Goldens/NAME.txt. The CLI's writers are being moved into
/// SanctionsSim.IO; this test says that nothing the user sees changed. Regenerate deliberately with
/// <c>SANCTIONSSIM_UPDATE_DOCS=1 dotnet test --filter FullyQualifiedName~CliGoldenTests</c> and review the diff.
/// <para>
/// What is normalised, and why (nothing else is):
/// the test's temporary folder becomes <c>{dir}</c> and the repository root <c>{repo}</c> (they differ per run);
/// the package version becomes <c>{version}</c> (MinVer counts commits, so it changes with every commit);
/// <c>elapsedSeconds</c>, <c>processors</c> and <c>peakWorkingSetMegabytes</c> of <c>docs record</c> become 0
/// (wall time and the machine); a results file's <c>modelHash</c> becomes <c>{model}</c> (the model's fingerprint
/// changes with the model, and the outputs with it); the progress lines of standard error (<c>progress: …</c>, <c>scorecard: fold …
/// done</c>, <c>constants: … points done</c>) are left out (with several worker threads, which count a line reports,
/// and so how many lines there are, depends on how the threads interleave; the last two are posted through
/// <see cref="Progress{T}"/>, which may write them after the command returned); charts (<c>.png</c>, <c>.svg</c>, and the SVG inlined in HTML reports) are listed
/// by name but not compared: SanctionsSim.Plotting draws them, not the writers under test, and their glyphs depend
/// on the machine's fonts. The shards of <c>run-shard</c> (<c>shards/*.bin</c>) are compared by length only: they carry
/// the SHA-256 of the plan, which records the package version; the names of <c>optimize</c>'s saved evaluations
/// (<c>evaluations/HASH.json</c>) are a hash of a key that holds the version, and become <c>evaluations/{key}.json</c>
/// (their contents are compared). Other binary files (Parquet, checkpoints) are compared by SHA-256.
/// </para>
/// Not run here: <c>explore</c> (a web server; tests/SanctionsSim.Tests/Explorer covers its pages) and
/// <c>cluster</c> (it needs Orleans silos; tests/SanctionsSim.Tests/Orleans covers it).
/// </summary>
[NonParallelizable]
public class CliGoldenTests
{
    private static readonly string Repository = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", ".."));

    private static readonly string Goldens = Path.Combine(Repository, "tests", "SanctionsSim.Tests", "Cli", "Goldens");

    private const string Vz = "venezuela-2019";

    private static readonly string[] Lever = ["--param", "regime.reprisalProbability=0.1:0.9"];

    private static readonly string[] TwoLevers = ["--param", "regime.reprisalProbability=0.1:0.9", "--param", "coalition.us.amnesty.credibility=0:1"];

    /// <summary>One golden: a name and the command lines run one after the other in one fresh folder, <c>{dir}</c> in an argument being that folder.</summary>
    public sealed record Golden(string Name, string[][] Steps, Action<string>? Setup = null)
    {
        /// <inheritdoc/>
        public override string ToString() => Name;
    }

    private static Golden G(string name, params string[] args) => new(name, [args]);

    private static Golden S(string name, params string[][] steps) => new(name, steps);

    private static string[] A(params object[] parts) => [.. parts.SelectMany(p => p is string[] many ? many : [(string)p])];

    /// <summary>Every command and format; each small enough that the whole list takes well under a minute of CPU.</summary>
    public static IEnumerable<Golden> Cases()
    {
        // run: the five numbers, --detail and --explain, json, csv, the files of --out and the HTML report
        yield return G("run-table", "run", "--preset", Vz, "--runs", "20", "--seed", "3");
        yield return G("run-detail-explain", "run", "--runs", "20", "--seed", "3", "--detail", "--explain", "--structure", "medians");
        yield return G("run-json", "run", "--runs", "20", "--seed", "3", "--format", "json");
        yield return G("run-csv", "run", "--runs", "20", "--seed", "3", "--format", "csv");
        yield return G("run-out-report", "run", "--preset", "venezuela-2019-amnesty", "--runs", "20", "--seed", "2", "--weeks", "30", "--checkpoint-every", "7", "--out", "{dir}/out", "--report", "{dir}/report.html");
        yield return G("run-case-facts-fixed", "run", "--preset", "zimbabwe-2017", "--runs", "10", "--weeks", "4", "--facts", "fixed");
        yield return G("run-case-json", "run", "--preset", "zimbabwe-2017", "--runs", "10", "--weeks", "4", "--format", "json");

        // run --rare-event: each method, each format, --detail, --out
        string[] path = ["run", "--preset", Vz, "--weeks", "20", "--rare-event", "--rare-method", "path", "--particles", "20", "--splitting-runs", "4", "--seed", "3"];
        yield return G("rare-path-table", path);
        yield return G("rare-path-json", A(path, "--format", "json"));
        yield return G("rare-path-csv", A(path, "--format", "csv"));
        string[] importance = ["run", "--preset", Vz, "--weeks", "20", "--rare-event", "--particles", "30", "--splitting-runs", "3", "--pilot-particles", "60", "--seed", "5"];
        yield return G("rare-importance-detail", A(importance, "--detail"));
        yield return G("rare-importance-out-json", A(importance, "--format", "json", "--out", "{dir}/out"));
        yield return G("rare-splitting-table", "run", "--preset", Vz, "--weeks", "20", "--rare-event", "--rare-method", "splitting", "--particles", "30", "--splitting-runs", "3", "--pilot-particles", "60", "--seed", "5", "--detail");

        // compare
        string[] compare = ["compare", Vz, "venezuela-2019-amnesty", "--runs", "20", "--seed", "2"];
        yield return G("compare-table-explain", A(compare, "--explain"));
        yield return G("compare-json", A(compare, "--format", "json"));
        yield return G("compare-csv", A(compare, "--format", "csv"));
        yield return G("compare-out-report", A(compare, "--structure", "medians", "--out", "{dir}/out", "--report", "{dir}/report.html"));

        // trace
        yield return G("trace-table", "trace", "--preset", "venezuela-2019-amnesty", "--replication", "2");
        yield return G("trace-out-medians", "trace", "--replication", "5", "--seed", "2", "--structure", "medians", "--out", "{dir}/out");

        // cascade
        string[] watts = ["cascade", "watts", "--nodes", "500", "--mean-degree", "4", "--threshold", "0.18", "--runs", "20", "--seed", "1"];
        yield return G("cascade-watts-table", watts);
        yield return G("cascade-watts-json-out", A(watts, "--format", "json", "--out", "{dir}/out"));
        yield return G("cascade-watts-csv", A(watts, "--format", "csv"));
        yield return G("cascade-granovetter-uniform", "cascade", "granovetter", "--uniform", "100");
        yield return G("cascade-granovetter-thresholds-json", "cascade", "granovetter", "--thresholds", "0,2,2,3", "--format", "json");
        yield return G("cascade-granovetter-normal-csv", "cascade", "granovetter", "--population", "100", "--mean", "25", "--sd", "12.2", "--format", "csv");
        yield return G("cascade-kuran-table", "cascade", "kuran", "--thresholds", "0,20,20,30,40,50,50,60,70,100");
        yield return G("cascade-kuran-json", "cascade", "kuran", "--thresholds", "0,20,20,30,40,50,50,60,70,100", "--format", "json");
        yield return G("cascade-kuran-csv", "cascade", "kuran", "--thresholds", "0,20,20,30,40,50,50,60,70,100", "--format", "csv");

        // sweep, and discover over its folder
        string[] sweep = A("sweep", "--preset", Vz, TwoLevers, "--points", "6", "--runs", "3", "--seed", "2");
        yield return G("sweep-table", sweep);
        yield return G("sweep-json", A(sweep, "--format", "json"));
        yield return G("sweep-csv-factorial", A("sweep", Lever, "--design", "factorial", "--levels", "3", "--runs", "3", "--format", "csv", "--structure", "medians"));
        yield return S("sweep-out-discover", A(sweep, "--design", "sobol", "--out", "{dir}/sweep"),
            ["discover", "{dir}/sweep", "--where", "collapseProbability<0.5"],
            ["discover", "{dir}/sweep", "--where", "collapseProbability<0.5", "--format", "json", "--out", "{dir}/prim"],
            ["discover", "{dir}/sweep", "--where", "collapseProbability<0.5", "--format", "csv"]);

        // sensitivity
        string[] sobol = A("sensitivity", "--preset", Vz, TwoLevers, "--samples", "4", "--runs", "3", "--bootstrap", "20", "--seed", "2");
        yield return G("sensitivity-sobol-table", sobol);
        yield return G("sensitivity-sobol-json", A(sobol, "--format", "json"));
        yield return G("sensitivity-sobol-csv", A(sobol, "--format", "csv"));
        yield return G("sensitivity-morris-out", A("sensitivity", TwoLevers, "--method", "morris", "--samples", "3", "--runs", "3", "--bootstrap", "20", "--output", "share", "--out", "{dir}/out"));
        yield return G("sensitivity-morris-nobootstrap-json", A("sensitivity", TwoLevers, "--method", "morris", "--samples", "3", "--runs", "3", "--bootstrap", "0", "--format", "json", "--structure", "medians"));
        yield return G("sensitivity-ishigami-table", "sensitivity", "--function", "ishigami", "--samples", "64", "--bootstrap", "20");
        yield return G("sensitivity-ishigami-json", "sensitivity", "--function", "ishigami", "--samples", "64", "--bootstrap", "20", "--format", "json");
        yield return G("sensitivity-sobolg-morris-csv", "sensitivity", "--function", "sobol-g", "--method", "morris", "--samples", "8", "--bootstrap", "20", "--format", "csv");

        // tipping
        string[] tipping = A("tipping", "--preset", "venezuela-2019-amnesty", "--param", "coalition.us.amnesty.credibility=0.2:1", "--points", "3", "--runs", "8", "--bootstrap", "20", "--seed", "2");
        yield return G("tipping-table", tipping);
        yield return G("tipping-json", A(tipping, "--format", "json"));
        yield return G("tipping-csv", A(tipping, "--format", "csv"));
        yield return G("tipping-out-medians", A(tipping, "--structure", "medians", "--out", "{dir}/out"));

        // calibrate (--out is required)
        string[] calibrate = ["calibrate", "--case", "zimbabwe-2017", "--case", "libya-2011", "--particles", "12", "--generations", "2", "--replications-per-case", "1", "--predictive", "4", "--seed", "2"];
        yield return G("calibrate-table", A(calibrate, "--out", "{dir}/out"));
        yield return G("calibrate-json", A(calibrate, "--format", "json", "--out", "{dir}/out"));
        yield return G("calibrate-csv-loo", A(calibrate, "--format", "csv", "--leave-one-out", "--out", "{dir}/out"));
        yield return G("calibrate-quick-outcome-distance", "calibrate", "--quick", "--case", "zimbabwe-2017", "--particles", "12", "--generations", "2", "--replications-per-case", "1", "--predictive", "4", "--distance", "outcome-probability", "--out", "{dir}/out");

        // cases
        yield return G("cases-table", "cases");
        yield return G("cases-json", "cases", "--format", "json");
        yield return G("cases-show", "cases", "show", "syria-2011");
        yield return new Golden("cases-code-check", [["cases", "code", "{dir}/testland.facts.json"], ["cases", "code", "{dir}/testland.facts.json", "--out", "{dir}/testland.json"], ["cases", "check", "{dir}/testland.json"]],
            dir => File.WriteAllText(Path.Combine(dir, "testland.facts.json"), CaseCoderTests.Facts().ToJsonString()));
        yield return G("cases-check-shipped", "cases", "check");
        yield return G("cases-docs", "cases", "docs", "--out", "{dir}/docs");

        // scorecard, misfit, constants
        string[] scorecard = ["scorecard", "--case", "zimbabwe-2017", "--case", "libya-2011", "--case", "egypt-2011", "--structure", "given", "--runs", "10", "--seed", "2"];
        yield return G("scorecard-table", scorecard);
        yield return G("scorecard-json-out", A(scorecard, "--format", "json", "--out", "{dir}/out"));
        yield return G("scorecard-calibrated-high-command", "scorecard", "--case", "zimbabwe-2017", "--case", "libya-2011", "--case", "egypt-2011", "--folds", "3", "--particles", "10", "--generations", "1", "--replications-per-case", "1", "--runs", "10", "--high-command");
        string[] misfit = ["misfit", "--case", "zimbabwe-2017", "--case", "libya-2011", "--draws", "10", "--replications-per-case", "1", "--seed", "2"];
        yield return G("misfit-table", misfit);
        yield return G("misfit-json-out", A(misfit, "--format", "json", "--out", "{dir}/out"));
        yield return G("misfit-recalibrate", A(misfit, "--weight", "1", "--drop-worst", "--particles", "10", "--generations", "1", "--distance", "outcome-probability"));
        string[] constants = ["constants", "--case", "georgia-2003", "--case", "mali-1991", "--constant", "criticalShare", "--constant", "purgeCost", "--samples", "16", "--runs", "10", "--seed", "2"];
        yield return G("constants-table", constants);
        yield return G("constants-json-out", A(constants, "--format", "json", "--out", "{dir}/out"));

        // optimize
        string[] reach = ["--param", "coalition.us.contactCampaign.reachPerWeek=0:200"];
        yield return G("optimize-target-table", A("optimize", reach, "--target", "0.3", "--runs", "6", "--candidates", "4", "--rounds", "1", "--confirm", "10", "--seed", "2"));
        yield return G("optimize-target-json-out", A("optimize", reach, "--target", "0.3", "--runs", "6", "--candidates", "4", "--rounds", "1", "--confirm", "10", "--seed", "2", "--format", "json", "--out", "{dir}/out"));
        yield return G("optimize-budget-csv", A("optimize", reach, "--cost", "senderCost", "--budget", "50", "--runs", "6", "--candidates", "4", "--rounds", "1", "--confirm", "10", "--seed", "2", "--format", "csv", "--structure", "medians"));
        string[] pareto = A("optimize", reach, "--param", "coalition.us.oilEmbargo.bite=0:0.6", "--cost", "senderCost", "--pareto", "--runs", "4", "--candidates", "4", "--rounds", "1", "--confirm", "10", "--seed", "2");
        yield return G("optimize-pareto-table-out", A(pareto, "--out", "{dir}/out"));
        yield return G("optimize-pareto-json", A(pareto, "--format", "json"));
        yield return G("optimize-pareto-csv", A(pareto, "--format", "csv"));

        // robust, and discover over its particles.csv
        string[] robust = ["robust", Vz, "venezuela-2019-contact", "--particles", "8", "--runs", "3", "--seed", "3"];
        yield return G("robust-table", robust);
        yield return G("robust-csv", A(robust, "--format", "csv"));
        yield return S("robust-out-discover", A(robust, "--format", "json", "--out", "{dir}/out"),
            ["discover", "{dir}/out/particles.csv", "--where", "venezuela-2019<0.5", "--input", "generalLoyalty", "--input", "seniorLoyalty", "--min-density", "0.5"]);

        // plan, run-shard, merge
        yield return S("shards-run",
            ["plan", "--runs", "20", "--shards", "2", "--seed", "3", "--out", "{dir}/plan"],
            ["run-shard", "--plan", "{dir}/plan", "--index", "0"],
            ["merge", "{dir}/plan", "--missing"],
            ["run-shard", "--plan", "{dir}/plan", "--index", "1"],
            ["merge", "{dir}/plan"],
            ["merge", "{dir}/plan", "--format", "json"],
            ["merge", "{dir}/plan", "--format", "csv"]);
        yield return S("shards-compare",
            ["plan", "compare", Vz, "venezuela-2019-amnesty", "--runs", "10", "--shards", "2", "--out", "{dir}/plan"],
            ["run-shard", "--plan", "{dir}/plan", "--index", "0"],
            ["run-shard", "--plan", "{dir}/plan", "--index", "1"],
            ["merge", "{dir}/plan"],
            ["merge", "{dir}/plan", "--format", "json"]);
        yield return S("shards-sweep",
            A("plan", "sweep", TwoLevers, "--points", "4", "--runs", "2", "--shards", "2", "--out", "{dir}/plan"),
            ["run-shard", "--plan", "{dir}/plan", "--index", "0"],
            ["run-shard", "--plan", "{dir}/plan", "--index", "1"],
            ["merge", "{dir}/plan"],
            ["merge", "{dir}/plan", "--format", "csv"]);
        yield return S("shards-sensitivity",
            A("plan", "sensitivity", TwoLevers, "--method", "morris", "--samples", "4", "--runs", "3", "--bootstrap", "20", "--shards", "2", "--out", "{dir}/plan"),
            ["run-shard", "--plan", "{dir}/plan", "--index", "0"],
            ["run-shard", "--plan", "{dir}/plan", "--index", "1"],
            ["merge", "{dir}/plan", "--format", "json"]);
        yield return S("shards-calibrate",
            ["plan", "calibrate", "--case", "zimbabwe-2017", "--particles", "10", "--generations", "2", "--replications-per-case", "1", "--predictive", "2", "--shards", "2", "--out", "{dir}/plan"],
            ["run-shard", "--plan", "{dir}/plan", "--index", "0"],
            ["run-shard", "--plan", "{dir}/plan", "--index", "1"],
            ["merge", "{dir}/plan"],
            ["run-shard", "--plan", "{dir}/plan", "--index", "0"],
            ["run-shard", "--plan", "{dir}/plan", "--index", "1"],
            ["merge", "{dir}/plan"],
            ["merge", "{dir}/plan", "--format", "json"]);

        // validate, init, presets, schema
        yield return new Golden("init-validate", [
            ["init", "{dir}/short.json"],
            ["init", "--preset", "venezuela-2019-contact", "--full", "{dir}/full.json"],
            ["validate", "{dir}/short.json"],
            ["validate", "{dir}/bad.json"],
        ], dir => File.WriteAllText(Path.Combine(dir, "bad.json"), """{ "schemaVersion": 1, "name": "bad", "horizonWeeks": -3, "factions": [ { "name": "army", "troops": "12" } ], "colour": 1 }"""));
        yield return G("presets", "presets");
        yield return G("schema", "schema");

        // docs record and render, on a docs folder of its own
        yield return new Golden("docs-record-render", [
            ["docs", "record", "{dir}/docs/results/ishigami.json", "--command", "sanctionssim sensitivity --function ishigami --samples 64 --bootstrap 20 --format json", "--ci-command", "sanctionssim sensitivity --function ishigami --samples 32 --bootstrap 10 --format json"],
            ["docs", "render", "--docs", "{dir}/docs"],
            ["docs", "record", "{dir}/docs/results/ishigami.json", "--scale", "ci"],
            ["docs", "render", "--docs", "{dir}/docs", "--check"],
        ], dir =>
        {
            Directory.CreateDirectory(Path.Combine(dir, "docs", "results"));
            Directory.CreateDirectory(Path.Combine(dir, "docs", "templates"));
            File.WriteAllText(Path.Combine(dir, "docs", "templates", "page.md"), "# A page\n\n`{{ results/ishigami.json : command }}`: S1 = {{ results/ishigami.json : results.indices[name=x1].first | 0.000 }}, evaluations {{ results/ishigami.json : results.evaluations | #,0 }}.\n");
        });
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Output_IsByteForByteTheGolden(Golden golden)
    {
        string dir = Directory.CreateTempSubdirectory("sanctionssim-golden-").FullName;
        try
        {
            golden.Setup?.Invoke(dir);
            var before = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).ToHashSet();
            var text = new StringBuilder();
            foreach (string[] step in golden.Steps)
            {
                string[] args = [.. step.Select(a => a.Replace("{dir}", dir, StringComparison.Ordinal))];
                using var output = new StringWriter();
                using var error = new StringWriter();
                int code = await CliApp.RunAsync(args, output, error);
                text.Append("$ sanctionssim ").AppendJoin(' ', step).Append('\n')
                    .Append("exit ").Append(code).Append('\n')
                    .Append("--- stdout\n").Append(Normalise(output.ToString(), dir)).Append('\n')
                    .Append("--- stderr\n").Append(Normalise(error.ToString(), dir)).Append('\n');
            }

            var files = new List<(string Name, string Text)>();
            foreach (string file in Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Where(f => !before.Contains(f)))
            {
                string name = Regex.Replace(Path.GetRelativePath(dir, file).Replace('\\', '/'), "evaluations/[0-9a-f]{32}\\.json$", "evaluations/{key}.json");
                string content = Path.GetExtension(file) switch
                {
                    ".png" or ".svg" => " (chart, not compared)\n",
                    ".json" or ".csv" or ".md" or ".txt" or ".html" or ".sh" or ".sub" or ".yaml" => "\n" + Normalise(File.ReadAllText(file), dir) + "\n",
                    ".bin" when name.Contains("shards/", StringComparison.Ordinal) => $" {new FileInfo(file).Length} bytes (holds the plan's hash, which covers the package version)\n",
                    _ => " sha256 " + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))) + "\n",
                };
                files.Add((name, content));
            }

            foreach (var (name, content) in files.OrderBy(f => f.Name, StringComparer.Ordinal).ThenBy(f => f.Text, StringComparer.Ordinal))
            {
                text.Append("--- file ").Append(name).Append(content);
            }

            string path = Path.Combine(Goldens, golden.Name + ".txt");
            string actual = text.ToString();
            if (Environment.GetEnvironmentVariable("SANCTIONSSIM_UPDATE_DOCS") == "1")
            {
                Directory.CreateDirectory(Goldens);
                await File.WriteAllTextAsync(path, actual);
            }

            File.Exists(path).ShouldBeTrue($"no golden {path}: run this test with SANCTIONSSIM_UPDATE_DOCS=1 and review the file");
            string expected = (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n");
            if (actual != expected)
            {
                Assert.Fail($"the output of '{golden.Name}' differs from {path} at line {FirstDifference(expected, actual)}: if the change is deliberate, regenerate with SANCTIONSSIM_UPDATE_DOCS=1 and review the diff");
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string x = i < e.Length ? e[i] : "(end)";
            string y = i < a.Length ? a[i] : "(end)";
            if (x != y)
            {
                return $"{i + 1}:\n  expected: {x}\n  actual:   {y}";
            }
        }

        return "(none)";
    }

    private static readonly string Version = typeof(SanctionsModel).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
        .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion.Split('+')[0];

    private static string Normalise(string text, string dir)
    {
        text = text.ReplaceLineEndings("\n")
            .Replace(dir, "{dir}", StringComparison.Ordinal)
            .Replace(Repository, "{repo}", StringComparison.Ordinal)
            .Replace(Version, "{version}", StringComparison.Ordinal);
        text = Regex.Replace(text, @"^(progress: .*|scorecard: fold \d+ of \d+ done|constants: \d+ of \d+ points done)\n", "", RegexOptions.Multiline);
        text = Regex.Replace(text, "\"(elapsedSeconds|processors|peakWorkingSetMegabytes)\": [0-9.eE+-]+", "\"$1\": 0");
        text = Regex.Replace(text, "\"modelHash\": \"[0-9a-f]{64}\"", "\"modelHash\": \"{model}\"");
        return Regex.Replace(text, "<svg.*?</svg>", "<svg><!-- chart, not compared --></svg>", RegexOptions.Singleline);
    }
}
