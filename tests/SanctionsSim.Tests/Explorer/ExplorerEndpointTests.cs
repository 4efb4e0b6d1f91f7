using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Simulation;

namespace SanctionsSim.Tests.Explorer;

/// <summary>The explorer's endpoints on a test server: the page, the levers with their meaning, the streamed estimates (exactly the comparison's numbers), the story, the downloads, and every refusal with its message.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ExplorerEndpointTests
{
    private ExplorerFactory _factory = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _factory = new ExplorerFactory();
        _client = _factory.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Test]
    public async Task Page_IsServedFromTheAssembly()
    {
        string html = await _client.GetStringAsync("/");
        html.ShouldContain("<title>SanctionsSim Explorer</title>");
        html.ShouldContain("src=\"app.js\"");
        (await _client.GetStringAsync("/app.js")).ShouldContain("api/estimate");
        (await _client.GetStringAsync("/app.css")).ShouldContain("#levers");
        (await _client.GetAsync("/etc/passwd")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Presets_AreListed_WithTheirHorizonAndTheLimits()
    {
        JsonNode presets = JsonNode.Parse(await _client.GetStringAsync("/api/presets"))!;
        presets["presets"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ShouldBe(Presets.Names);
        presets["default"]!.GetValue<string>().ShouldBe(Presets.Default);
        presets["presets"]![0]!["weeks"]!.GetValue<int>().ShouldBe(Presets.Get(Presets.Names[0]).Weeks);
        presets["maxRuns"]!.GetValue<long>().ShouldBe(20_000);
    }

    [Test]
    public async Task Scenario_ListsTheLevers_WithTheMeaningAndRangeOfTheScenarioReference()
    {
        JsonNode scenario = await Json(await Post("/api/scenario", new JsonObject { ["preset"] = "venezuela-2019-amnesty" }));
        scenario["name"]!.GetValue<string>().ShouldBe("venezuela-2019-amnesty");
        var levers = scenario["levers"]!.AsArray();
        JsonNode credibility = levers.Single(l => l!["path"]!.GetValue<string>() == "coalition.us.amnesty.credibility")!;
        credibility["id"]!.GetValue<string>().ShouldBe(ScenarioTemplateCheck("coalition.us.amnesty.credibility"));
        credibility["meaning"]!.GetValue<string>().ShouldStartWith("How much officers believe the promise");
        credibility["allowed"]!.GetValue<string>().ShouldBe("[0, 1]");
        credibility["kind"]!.GetValue<string>().ShouldBe("number");
        credibility["value"]!.GetValue<double>().ShouldBe(0.8);
        JsonNode isPublic = levers.Single(l => l!["path"]!.GetValue<string>() == "coalition.us.amnesty.public")!;
        isPublic["kind"]!.GetValue<string>().ShouldBe("switch");
        JsonNode start = levers.Single(l => l!["path"]!.GetValue<string>() == "coalition.us.amnesty.startWeek")!;
        start["kind"]!.GetValue<string>().ShouldBe("whole");
        start["max"]!.GetValue<double>().ShouldBe(51);
        levers.ShouldContain(l => l!["path"]!.GetValue<string>() == "regime.reprisalProbability");
        JsonNode highCommand = levers.Single(l => l!["path"]!.GetValue<string>() == "highCommand.enabled")!;
        highCommand["kind"]!.GetValue<string>().ShouldBe("switch");
        highCommand["value"]!.GetValue<bool>().ShouldBeFalse();
        highCommand["meaning"]!.GetValue<string>().ShouldBe("Whether the high command can move against the ruler.");
        // every numeric lever's path is one sweep --param accepts, naming the same field
        foreach (JsonNode? lever in levers.Where(l => l!["kind"]!.GetValue<string>() != "switch"))
        {
            ScenarioTemplateCheck(lever!["path"]!.GetValue<string>()).ShouldBe(lever["id"]!.GetValue<string>());
        }
    }

    [Test]
    public async Task Scenario_FromAnUploadedFile_IsCheckedByTheValidator()
    {
        string text = ScenarioJson.Write(Presets.Get("venezuela-2019") with { Name = "my-package" });
        JsonNode ok = await Json(await Post("/api/scenario", new JsonObject { ["scenario"] = text }));
        ok["name"]!.GetValue<string>().ShouldBe("my-package");

        string bad = text.Replace("\"reprisalProbability\": 0.6", "\"reprisalProbability\": 1.6", StringComparison.Ordinal);
        bad.ShouldNotBe(text);
        string message = await Error(await Post("/api/scenario", new JsonObject { ["scenario"] = bad }));
        message.ShouldContain("$.regime.reprisalProbability");
        message.ShouldContain("1.6");
        (await Error(await Post("/api/scenario", new JsonObject { ["scenario"] = "{ not json" }))).ShouldContain("malformed JSON");
        (await Error(await Post("/api/scenario", new JsonObject { ["scenario"] = new string(' ', 1024 * 1024 + 1) }))).ShouldContain("up to 1,048,576 bytes");
    }

    [Test]
    public async Task Estimate_StreamsNarrowingIntervals_AndEndsWithExactlyTheComparisonOfThoseRuns()
    {
        // the preset at the six-case structure (TestStructure), sent as a scenario: a structure at which the lever moves the estimate
        var mine = TestStructure.Preset("venezuela-2019");
        var body = new JsonObject { ["scenario"] = ScenarioJson.Write(mine), ["levers"] = new JsonObject { ["coalition.us.amnesty.credibility"] = 0.9 }, ["runs"] = 300, ["seed"] = 7 };
        List<JsonNode> lines = await Lines(await Post("/api/estimate", body));
        lines.Select(l => l["replications"]!.GetValue<long>()).ShouldBe([50L, 100L, 200L, 300L]);
        lines.Take(lines.Count - 1).ShouldAllBe(l => !l["done"]!.GetValue<bool>());
        JsonNode last = lines[^1];
        last["done"]!.GetValue<bool>().ShouldBeTrue();
        last["stopped"]!.GetValue<string>().ShouldBe("all runs done");
        double Width(JsonNode l) => l["arms"]![1]!["upper"]!.GetValue<double>() - l["arms"]![1]!["lower"]!.GetValue<double>();
        Width(last).ShouldBeLessThan(Width(lines[0]));

        // the same numbers as compare --runs 300 --seed 7 of the two arms
        var arms = new[] { mine, ScenarioWith(mine, "coalition.us.amnesty.credibility", 0.9) };
        var expected = new PolicyComparison(arms).Run(new MonteCarloOptions { Replications = 300, Seed = 7 }).Summary;
        last["arms"]![0]!["name"]!.GetValue<string>().ShouldBe("venezuela-2019");
        last["arms"]![1]!["name"]!.GetValue<string>().ShouldBe("venezuela-2019-explored");
        last["arms"]![0]!["p"]!.GetValue<double>().ShouldBe(expected.Arms[0].CollapseProbability.Estimate);
        last["arms"]![1]!["p"]!.GetValue<double>().ShouldBe(expected.Arms[1].CollapseProbability.Estimate);
        last["arms"]![1]!["upper"]!.GetValue<double>().ShouldBe(expected.Arms[1].CollapseProbability.Wilson(0.95).Upper);
        var effect = expected.Effect(1, 0.95);
        last["difference"]!["pp"]!.GetValue<double>().ShouldBe(100 * effect.CollapseProbabilityDifference, 1e-9);
        last["difference"]!["lower"]!.GetValue<double>().ShouldBe(100 * effect.CollapseProbabilityDifferenceInterval.Lower, 1e-9);
        last["arms"]![1]!["survival"]!.AsArray().Count.ShouldBe(expected.Arms[1].SurvivalCurve(0.95).Count);
        // a credible amnesty makes collapse more likely: the lever moved the estimate
        last["difference"]!["lower"]!.GetValue<double>().ShouldBeGreaterThan(0);

        // how the runs ended: each outcome type's probability and interval are compare's, arm by arm
        for (int k = 0; k < 2; k++)
        {
            JsonArray outcomes = last["arms"]![k]!["outcomes"]!.AsArray();
            outcomes.Select(o => o!["type"]!.GetValue<string>()).ShouldBe(OutcomeTypes.All);
            foreach (OutcomeType type in Enum.GetValues<OutcomeType>())
            {
                JsonNode o = outcomes[(int)type]!;
                ProportionEstimate p = expected.Arms[k].OutcomeProbability(type);
                o["words"]!.GetValue<string>().ShouldBe(SanctionsSim.IO.Text.Readable.Outcome(type));
                o["p"]!.GetValue<double>().ShouldBe(p.Estimate);
                o["lower"]!.GetValue<double>().ShouldBe(p.Wilson(0.95).Lower);
                o["upper"]!.GetValue<double>().ShouldBe(p.Wilson(0.95).Upper);
                o["runs"]!.GetValue<long>().ShouldBe(p.Successes);
            }
        }

        // the high command is off in venezuela-2019: every run survived or collapsed by defection, and the paired
        // differences of the types that never happened are left out
        JsonNode differences = last["difference"]!["outcomes"]!;
        differences["removedByHighCommand"].ShouldBeNull();
        differences["split"].ShouldBeNull();
        last["arms"]![1]!["highCommand"]!.GetValue<bool>().ShouldBeFalse();
        differences["collapseByDefection"]!["pp"]!.GetValue<double>().ShouldBe(last["difference"]!["pp"]!.GetValue<double>(), 1e-9);
        differences["collapseByDefection"]!["lower"]!.GetValue<double>().ShouldBe(last["difference"]!["lower"]!.GetValue<double>(), 1e-9);
        differences["survived"]!["pp"]!.GetValue<double>().ShouldBe(-last["difference"]!["pp"]!.GetValue<double>(), 1e-9);
    }

    [Test]
    public async Task Estimate_WithTheHighCommandSwitchedOn_ShowsRemovalsAndTheirPairedDifference()
    {
        var body = new JsonObject { ["preset"] = "venezuela-2019", ["levers"] = new JsonObject { ["highCommand.enabled"] = true }, ["runs"] = Runs, ["seed"] = 2 };
        JsonNode last = (await Lines(await Post("/api/estimate", body)))[^1];
        last["arms"]![0]!["highCommand"]!.GetValue<bool>().ShouldBeFalse();
        last["arms"]![1]!["highCommand"]!.GetValue<bool>().ShouldBeTrue();

        // the same numbers as compare of the two arms, and the paired differences those of the runs one by one
        Scenario baseline = Presets.Get("venezuela-2019");
        Scenario package = ScenarioJson.Read(ScenarioJson.Write(baseline with { Name = "venezuela-2019-explored", HighCommand = baseline.HighCommand with { Enabled = true } }));
        var expected = new PolicyComparison([baseline, package]).Run(new MonteCarloOptions { Replications = Runs, Seed = 2 }).Summary;
        var runs = new[] { baseline, package }.Select(a => new SanctionsModel(a, recordRuns: true).Simulate(new MonteCarloOptions { Replications = Runs, Seed = 2 }).Summary.Runs).ToArray();
        expected.Arms[1].OutcomeProbability(OutcomeType.RemovedByHighCommand).Successes.ShouldBeGreaterThan(0, "the test needs a removal to show");
        foreach (OutcomeType type in Enum.GetValues<OutcomeType>())
        {
            JsonNode o = last["arms"]![1]!["outcomes"]![(int)type]!;
            o["p"]!.GetValue<double>().ShouldBe(expected.Arms[1].OutcomeProbability(type).Estimate);
            var paired = new RunningMoments();
            for (int i = 0; i < Runs; i++)
            {
                paired.Add((runs[1][i].Outcome == type ? 1 : 0) - (runs[0][i].Outcome == type ? 1 : 0));
            }

            JsonNode? d = last["difference"]!["outcomes"]![OutcomeTypes.Name(type)];
            if (expected.Arms[0].OutcomeProbability(type).Successes + expected.Arms[1].OutcomeProbability(type).Successes == 0)
            {
                d.ShouldBeNull();
                continue;
            }

            d!["pp"]!.GetValue<double>().ShouldBe(100 * paired.Mean, 1e-9);
            d["lower"]!.GetValue<double>().ShouldBe(100 * paired.MeanInterval(0.95).Lower, 1e-9);
            d["upper"]!.GetValue<double>().ShouldBe(100 * paired.MeanInterval(0.95).Upper, 1e-9);
        }

        JsonNode removed = last["difference"]!["outcomes"]!["removedByHighCommand"]!;
        removed["pp"]!.GetValue<double>().ShouldBeGreaterThan(0);
        (await Error(await Post("/api/estimate", new JsonObject { ["preset"] = "venezuela-2019", ["levers"] = new JsonObject { ["highCommand.enabled"] = 1 } })))
            .ShouldBe("'levers': highCommand.enabled is a switch: it must be true or false; got 1.");
    }

    [Test]
    public async Task Estimate_AgainstAnotherPreset_ComparesTheTwoPackages()
    {
        var body = new JsonObject { ["preset"] = "venezuela-2019-amnesty", ["baseline"] = "venezuela-2019", ["runs"] = 100 };
        JsonNode last = (await Lines(await Post("/api/estimate", body)))[^1];
        last["arms"]![0]!["name"]!.GetValue<string>().ShouldBe("venezuela-2019");
        last["arms"]![1]!["name"]!.GetValue<string>().ShouldBe("venezuela-2019-amnesty");
        var expected = new PolicyComparison([Presets.Get("venezuela-2019"), Presets.Get("venezuela-2019-amnesty")]).Run(new MonteCarloOptions { Replications = 100, Seed = 1 }).Summary;
        last["difference"]!["pp"]!.GetValue<double>().ShouldBe(100 * expected.Effect(1).CollapseProbabilityDifference, 1e-9);
    }

    [Test]
    public async Task Estimate_StopsAtTheTimeLimit_WithWhatFinished()
    {
        await using var slow = new ExplorerFactory(ExplorerFactory.ToolOptions(maxSeconds: 1.5));
        using HttpClient client = slow.CreateClient();
        var started = System.Diagnostics.Stopwatch.StartNew();
        JsonNode last = (await Lines(await Post(client, "/api/estimate", new JsonObject { ["preset"] = "venezuela-2019", ["runs"] = 20_000 })))[^1];
        started.Elapsed.TotalSeconds.ShouldBeLessThan(30);
        last["done"]!.GetValue<bool>().ShouldBeTrue();
        last["stopped"]!.GetValue<string>().ShouldContain("time limit of 1.5 s");
        last["replications"]!.GetValue<long>().ShouldBeLessThan(20_000);
    }

    [Test]
    public async Task Estimate_IsCancelledWhenThePageMovesOn_AndTheNextOneRunsAtOnce()
    {
        using var abandon = new CancellationTokenSource();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/estimate") { Content = Body(new JsonObject { ["preset"] = "venezuela-2019", ["runs"] = 20_000 }) };
        HttpResponseMessage first = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, abandon.Token);
        using (var reader = new StreamReader(await first.Content.ReadAsStreamAsync(abandon.Token)))
        {
            (await reader.ReadLineAsync(abandon.Token)).ShouldNotBeNull(); // the first chunk arrived: the batch is running
            await abandon.CancelAsync(); // the page moves on
        }

        first.Dispose();
        // 20,000 paired runs take minutes; the next request gets the machine as soon as the first one stops
        var started = System.Diagnostics.Stopwatch.StartNew();
        JsonNode next = (await Lines(await Post("/api/estimate", new JsonObject { ["preset"] = "venezuela-2019", ["runs"] = 50 })))[^1];
        next["done"]!.GetValue<bool>().ShouldBeTrue();
        started.Elapsed.TotalSeconds.ShouldBeLessThan(20);
    }

    [TestCase("{\"preset\":\"venezuela-2019\",\"levers\":{\"coalition.us.amnesty.credibility\":1.5}}", "'levers': coalition.us.amnesty.credibility must be in [0, 1]; got 1.5")]
    [TestCase("{\"preset\":\"venezuela-2019\",\"levers\":{\"coalition.us.amnesty.credibility\":\"high\"}}", "coalition.us.amnesty.credibility must be a number in [0, 1]; got \"high\"")]
    [TestCase("{\"preset\":\"venezuela-2019\",\"levers\":{\"coalition.us.amnesty.startWeek\":2.5}}", "coalition.us.amnesty.startWeek must be a whole number; got 2.5")]
    [TestCase("{\"preset\":\"venezuela-2019\",\"levers\":{\"coalition.us.amnesty.public\":1}}", "coalition.us.amnesty.public is a switch: it must be true or false; got 1")]
    [TestCase("{\"preset\":\"venezuela-2019\",\"levers\":{\"regime.purgeCost\":1}}", "'regime.purgeCost' is not a lever of the scenario 'venezuela-2019'")]
    [TestCase("{\"preset\":\"venezuela-2O19\"}", "there is no preset 'venezuela-2O19'; did you mean 'venezuela-2019'?")]
    [TestCase("{\"preset\":\"venezuela-2019\",\"scenario\":\"{}\"}", "Give either 'preset'")]
    [TestCase("{\"levers\":{}}", "Give either 'preset'")]
    [TestCase("{\"preset\":\"venezuela-2019\",\"runs\":0}", "'runs' must be in [1, 20,000]; got 0")]
    [TestCase("{\"preset\":\"venezuela-2019\",\"runs\":1000000000}", "'runs' must be in [1, 20,000]; got 1,000,000,000")]
    [TestCase("{\"preset\":\"venezuela-2019\",\"seed\":-1}", "'seed' must be in [0, ")]
    [TestCase("{\"preset\":\"venezuela-2019\",\"path\":\"/etc/passwd\"}", "Unknown field 'path'")]
    [TestCase("[1, 2]", "The request must be one JSON object.")]
    [TestCase("not json", "The request is not valid JSON")]
    [TestCase("{\"preset\":\"venezuela-2019\",\"levers\":{\"coalition.us.amnesty.startWeek\":51, \"coalition.us.amnesty.credibility\":1}}", null)]
    public async Task Estimate_RefusesBadInput_WithAMessageNamingTheField(string body, string? message)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await _client.PostAsync("/api/estimate", content);
        if (message is null)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK); // the limits of the sliders themselves are accepted
            return;
        }

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Error(response)).ShouldContain(message);
    }

    [Test]
    public async Task Estimate_RefusesABaselineOfAnotherHorizon()
    {
        // every preset runs 52 weeks: a file of 40 weeks against one
        string text = ScenarioJson.Write(Presets.Get("venezuela-2019") with { Name = "short", Weeks = 40 });
        string message = await Error(await Post("/api/estimate", new JsonObject { ["scenario"] = text, ["baseline"] = "venezuela-2019" }));
        message.ShouldBe("'baseline': the preset 'venezuela-2019' runs 52 weeks and your scenario 40; a comparison needs the same horizon, so pick a baseline of 40 weeks.");
    }

    [Test]
    public async Task Story_TellsOneRunWeekByWeek_InTheTraceCommandsWords()
    {
        var body = new JsonObject { ["preset"] = "venezuela-2019-amnesty", ["replication"] = 2, ["seed"] = 1 };
        JsonNode story = await Json(await Post("/api/story", body));
        var trace = new SanctionsModel(Presets.Get("venezuela-2019-amnesty")).Trace(1, 2);
        story["weeks"]!.AsArray().Count.ShouldBe(trace.Weeks.Count);
        ((int?)story["collapseWeek"]?.GetValue<int>()).ShouldBe(trace.CollapseWeek);
        story["summary"]!.GetValue<string>().ShouldStartWith("Run 2 of 'venezuela-2019-amnesty' (seed 1): ");
        story["outcome"]!.GetValue<string>().ShouldBe(OutcomeTypes.Name(trace.Outcome));
        ((int?)story["outcomeWeek"]?.GetValue<int>()).ShouldBe(trace.OutcomeWeek);
        story["weeks"]![0]!["happened"]!.GetValue<string>().ShouldBe(SanctionsSim.IO.Results.TraceText.Happened(null, trace.Weeks[0], trace.Outcome));
        (await Error(await Post("/api/story", new JsonObject { ["preset"] = "venezuela-2019", ["replication"] = -3 }))).ShouldContain("'replication' must be in [0, ");
    }

    [Test]
    public async Task ExportScenario_DownloadsAFileTheToolReads_WithTheLeversSet()
    {
        var body = new JsonObject { ["preset"] = "venezuela-2019", ["levers"] = new JsonObject { ["coalition.us.amnesty.credibility"] = 0.95, ["coalition.us.amnesty.public"] = false } };
        using HttpResponseMessage response = await Post("/api/export/scenario", body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("venezuela-2019-explored.json");
        Scenario file = ScenarioJson.Read(await response.Content.ReadAsStringAsync());
        file.Name.ShouldBe("venezuela-2019-explored");
        ScenarioJson.Write(file).ShouldBe(ScenarioJson.Write(ScenarioWith(ScenarioWith(Presets.Get("venezuela-2019"), "coalition.us.amnesty.credibility", 0.95), "coalition.us.amnesty.public", false)));
    }

    [Test]
    public async Task ExportReport_IsTheToolsComparisonReport_OfTheRunsShown()
    {
        var body = new JsonObject { ["preset"] = "venezuela-2019", ["baseline"] = "venezuela-2019-amnesty", ["runs"] = 60, ["seed"] = 3 };
        using HttpResponseMessage response = await Post("/api/export/report", body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("venezuela-2019-report.html");
        string html = await response.Content.ReadAsStringAsync();
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("Comparing policies: venezuela-2019-amnesty, venezuela-2019");
        html.ShouldContain("60 runs, seed 3");
        html.ShouldContain("<h2>How the runs ended</h2>");
        var expected = new PolicyComparison([Presets.Get("venezuela-2019-amnesty"), Presets.Get("venezuela-2019")]).Run(new MonteCarloOptions { Replications = 60, Seed = 3 }).Summary;
        foreach (string[] row in SanctionsSim.Plotting.Reports.HtmlReport.OutcomeRows(expected, 0.95))
        {
            html.ShouldContain("<td>" + WebUtility.HtmlEncode(row[0]) + "</td>" + string.Concat(row.Skip(1).Select(c => "<td class=\"n\">" + WebUtility.HtmlEncode(c) + "</td>")));
        }

    }

    /// <summary>Paired runs of the high-command test: enough for venezuela-2019 with the high command on to end in some removals.</summary>
    private const int Runs = 400;

    private Task<HttpResponseMessage> Post(string path, JsonObject body) => Post(_client, path, body);

    private static async Task<HttpResponseMessage> Post(HttpClient client, string path, JsonObject body)
    {
        using StringContent content = Body(body);
        return await client.PostAsync(path, content);
    }

    private static StringContent Body(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<JsonNode> Json(HttpResponseMessage response)
    {
        using (response)
        {
            string text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
            return JsonNode.Parse(text)!;
        }
    }

    private static async Task<string> Error(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!.GetValue<string>();
        }
    }

    private static async Task<List<JsonNode>> Lines(HttpResponseMessage response)
    {
        using (response)
        {
            string text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/x-ndjson");
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        }
    }

    private static string ScenarioTemplateCheck(string path) => SanctionsSim.Experiments.ScenarioTemplate.ResolvePath(Presets.Get("venezuela-2019-amnesty"), path);

    /// <summary>The scenario with one field set through its JSON, as a user would edit the file, and the name the explorer gives a package whose levers moved.</summary>
    private static Scenario ScenarioWith(Scenario scenario, string path, JsonNode value)
    {
        // a switch is not a sweep lever: its path is found through its instrument's credibility
        string field = path[(path.LastIndexOf('.') + 1)..];
        string jsonPath = SanctionsSim.Experiments.ScenarioTemplate.ResolvePath(scenario, path[..path.LastIndexOf('.')] + ".credibility");
        jsonPath = jsonPath[..jsonPath.LastIndexOf('.')] + "." + field;
        JsonNode root = JsonNode.Parse(ScenarioJson.Write(scenario))!;
        JsonNode node = root;
        string[] steps = jsonPath[2..].Split('.');
        foreach (string step in steps[..^1])
        {
            int bracket = step.IndexOf('[', StringComparison.Ordinal);
            node = bracket < 0 ? node[step]! : node[step[..bracket]]![int.Parse(step[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
        }

        node[steps[^1]] = value;
        root["name"] = "venezuela-2019-explored";
        return ScenarioJson.Read(root.ToJsonString());
    }
}
