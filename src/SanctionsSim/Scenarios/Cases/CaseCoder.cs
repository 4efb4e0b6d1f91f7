using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Model;

namespace SanctionsSim.Scenarios.Cases;

/// <summary>
/// Applies a version of the coding rules to a case's facts (docs/coding-rules.md): the one place where facts become
/// numbers. Each step names its rule; the rules' numbers come from the rules file, never from this code.
/// </summary>
internal static class CaseCoder
{
    /// <summary>Codes a case's facts under a version of the rules.</summary>
    /// <param name="facts">The facts (the <c>facts</c> object of a case file).</param>
    /// <param name="rules">The coding rules.</param>
    /// <returns>The scenario, its ranges and the observation.</returns>
    /// <exception cref="ScenarioValidationException">The facts are incomplete or out of range, or they code into an invalid scenario; every problem is listed with its JSON path under <c>$.facts</c>.</exception>
    public static CodedCase Code(JsonObject facts, CodingRules rules)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(rules);
        var coder = new Coder(facts, rules);
        return coder.Run();
    }

    /// <summary>
    /// Whether a version of the rules codes the case's regime type into the scenario (<c>$.regime.type</c>,
    /// docs/model.md, §2f): when its rule E2 names that field. Versions 1 and 2 do not (E2: "none in this version"), so
    /// their coded cases keep <see cref="RegimeType.Unspecified"/>; <see cref="WithRegimeType(CodedCase, JsonObject)"/> applies the mapping to a
    /// case coded under them.
    /// </summary>
    /// <param name="rules">The coding rules.</param>
    /// <returns>True when rule E2 maps the fact to <c>$.regime.type</c>.</returns>
    public static bool CodesRegimeType(CodingRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.Rules.Any(r => r.Id == "E2" && r.Field.StartsWith("$.regime.type", StringComparison.Ordinal));
    }

    /// <summary>The regime type a case's <c>regimeType</c> fact records, in rule E2's categories.</summary>
    /// <param name="fact">The fact's value: personalist, military, single-party or mixed.</param>
    /// <returns>The type.</returns>
    /// <exception cref="ArgumentException">The value is not one of E2's categories.</exception>
    public static RegimeType RegimeTypeOf(string fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return fact switch
        {
            "personalist" => RegimeType.Personalist,
            "military" => RegimeType.Military,
            "single-party" => RegimeType.SingleParty,
            "mixed" => RegimeType.Mixed,
            _ => throw new ArgumentException($"'{fact}' is not a regime type of rule E2; use personalist, military, single-party or mixed.", nameof(fact)),
        };
    }

    /// <summary>
    /// A coded case whose scenario carries the regime type its facts record (<c>$.regimeType.value</c> to
    /// <see cref="Regime.Type"/> by <see cref="RegimeTypeOf"/>): the option to run a case with the regime-type mechanism
    /// (docs/model.md, §2f) under coding rules that do not code it yet. Everything else is unchanged.
    /// </summary>
    /// <param name="coded">The coded case.</param>
    /// <param name="facts">The case's facts (the <c>facts</c> object of its file).</param>
    /// <returns>The case with <see cref="Regime.Type"/> set.</returns>
    /// <exception cref="ArgumentException">The facts record no regime type, or not one of E2's categories.</exception>
    public static CodedCase WithRegimeType(CodedCase coded, JsonObject facts)
    {
        ArgumentNullException.ThrowIfNull(coded);
        return coded with { Scenario = WithRegimeType(coded.Scenario, facts) };
    }

    /// <summary>A case's scenario (for example <see cref="CaseFile.Scenario"/>) with the regime type its facts record (<see cref="CaseFile.Facts"/>), as <see cref="WithRegimeType(CodedCase, JsonObject)"/>.</summary>
    /// <param name="scenario">The case's scenario.</param>
    /// <param name="facts">The case's facts.</param>
    /// <returns>The scenario with <see cref="Regime.Type"/> set.</returns>
    /// <exception cref="ArgumentException">The facts record no regime type, or not one of E2's categories.</exception>
    public static Scenario WithRegimeType(Scenario scenario, JsonObject facts)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(facts);
        string fact = facts["regimeType"] is JsonObject t && t["value"] is JsonValue v && v.TryGetValue(out string? s) && s is not null
            ? s
            : throw new ArgumentException("The facts record no regimeType ({\"value\": personalist, military, single-party or mixed}).", nameof(facts));
        return scenario with { Regime = scenario.Regime with { Type = RegimeTypeOf(fact) } };
    }

    private sealed class Coder(JsonObject facts, CodingRules rules)
    {
        private readonly FactsReader _read = new("$.facts");
        private readonly List<FactRange> _ranges = [];
        private readonly bool _v1 = rules.Version == "1";
        private readonly HashSet<string> _factionNames = new(StringComparer.Ordinal);
        private DateOnly _weekZero;
        private int _weeks;

        private double K(string rule, string name) => rules.Constant(rule, name);

        public CodedCase Run()
        {
            string name = _read.Text(facts, "name", "$", required: true) ?? "case";
            string title = _read.Text(facts, "title", "$", required: true) ?? name;
            _weekZero = _read.Date(facts, "weekZero", "$", required: true) ?? default;
            _weeks = (int)K("T2", "weeks");
            double population = _read.Quantity(facts, "population", "$", required: true, 1, double.PositiveInfinity)?.Value ?? double.NaN;
            var scenario = new JsonObject
            {
                ["schemaVersion"] = ScenarioJson.CurrentSchemaVersion,
                ["name"] = name,
                ["description"] = title,
                ["weeks"] = _weeks,
            };

            var factions = Factions(out double totalTroops);
            var (regime, oil, other, reserves) = Regime();
            scenario["factions"] = factions;
            scenario["regime"] = regime;
            var patrons = Patrons();
            scenario["coalition"] = Coalition(oil, other, reserves, [.. patrons.Select(p => p!["name"]!.GetValue<string>())]);
            scenario["patrons"] = patrons;
            scenario["events"] = Events(population);
            var observation = Observation(totalTroops);
            if (_read.Errors.Count > 0)
            {
                throw new ScenarioValidationException(_read.Errors);
            }

            var errors = ScenarioJson.ReadErrors(Encoding.UTF8.GetBytes(scenario.ToJsonString()), out Scenario? coded);
            if (errors.Count > 0)
            {
                throw new ScenarioValidationException([.. errors.Select(e => e with { Path = "$.scenario" + e.Path.TrimStart('$'), Message = e.Message + " (as coded from the facts)" })]);
            }

            return new CodedCase { Scenario = coded!, Ranges = _ranges, Observation = observation!, RulesVersion = rules.Version };
        }

        /// <summary>Rule T1: the week of a dated fact; null after the horizon.</summary>
        private int? Week(DateOnly? date)
        {
            if (date is not DateOnly d)
            {
                return 0;
            }

            int days = d.DayNumber - _weekZero.DayNumber;
            int week = days < 0 ? 0 : days / 7;
            return week < _weeks ? week : null;
        }

        private void Range(string path, Quantity q, string rule, bool integer = false)
        {
            if (!q.HasRange)
            {
                return;
            }

            double low = q.Low, mode = q.Value, high = q.High;
            if (integer)
            {
                (low, mode, high) = (Math.Round(low), Math.Round(mode), Math.Round(high));
            }

            if (low < high)
            {
                _ranges.Add(new FactRange { Path = path, Low = low, Mode = mode, High = high, Rule = rule });
            }
        }

        private JsonArray Factions(out double totalTroops)
        {
            var factions = new JsonArray();
            totalTroops = 0;
            bool rulerCommandsArmy = facts["ruler"] is JsonObject ruler && (_read.Flag(ruler, "commandsArmy", "$.ruler") ?? false);
            var identities = _read.Array(facts, "identity", "$").ToList();
            int index = 0;
            foreach (var (branch, at) in _read.Array(facts, "branches", "$", required: true))
            {
                string branchName = _read.Text(branch, "name", at, required: true) ?? $"branch-{index}";
                string name = _v1 ? branchName : Slug(branchName);
                double roundTo = K("F2", "roundTo");
                var troops = _read.Quantity(branch, "troops", at, required: true, K("F2", "minimum"), double.PositiveInfinity)
                    ?.Map(t => Math.Max(K("F2", "minimum"), Math.Round(t / roundTo) * roundTo));
                if (troops is not Quantity t)
                {
                    index++;
                    continue;
                }

                totalTroops += t.Value;
                Range($"$.factions[{index}].troops", t, "F2", integer: true);

                // F3: the sourced count, else a resolution choice
                var sourced = branch["generals"] is null ? null : _read.Quantity(branch, "generals", at, required: false, 1, t.Value)?.Map(Math.Round);
                int generals;
                if (sourced is Quantity g)
                {
                    generals = (int)g.Value;
                    Range($"$.factions[{index}].generals", g, "F3", integer: true);
                }
                else
                {
                    generals = (int)Math.Max(K("F3", "minimum"), Math.Round(t.Value / K("F3", "troopsPerGeneral")));
                }

                // F4
                int seniors = (int)Math.Clamp(Math.Round(t.Value / (generals * K("F4", "troopsPerUnitCommander"))), K("F4", "minimum"), K("F4", "maximum"));

                var traits = _read.Object(branch, "traits", at, required: false) ?? [];
                string traitsAt = at + ".traits";
                bool Trait(string trait) => _read.Flag(traits, trait, traitsAt) ?? false;
                var groups = identities.Where(i => AppliesTo(i.Item, branchName)).ToList();

                double shift = 0;
                if (Trait("rulerFamilyOrGroup") && groups.Count == 0)
                {
                    shift += K("L1", "shift");
                }

                if (Trait("regimeProtection"))
                {
                    shift += K("L2", "shift");
                }

                if (rulerCommandsArmy && name.StartsWith("army", StringComparison.Ordinal))
                {
                    shift += K("L3", "shift");
                }

                if (Trait("corporateInterestsThreatened"))
                {
                    shift += K("L4", "shift");
                }

                if (Trait("purgeOrRegionalRevolt"))
                {
                    shift += K("L5", "shift");
                }

                double exposure = Trait("familiesBeyondRegimeControl") ? K("X1", "beyondControl")
                    : Trait("familiesInCantonments") ? K("X1", "cantonments")
                    : K("X1", "otherwise");
                double importance = Trait("eliteGuardingCapital") ? K("C1", "eliteGuardingCapital")
                    : Trait("regimeProtection") ? K("C1", "regimeProtection")
                    : K("C1", "otherwise");

                var faction = new JsonObject
                {
                    ["name"] = name,
                    ["generals"] = generals,
                    ["seniorOfficersPerGeneral"] = seniors,
                    ["troops"] = (long)t.Value,
                    ["collapseImportance"] = importance,
                    ["loyaltyShift"] = Math.Round(shift, 6),
                    ["familyExposureMean"] = exposure,
                };
                if (groups.Count > 0)
                {
                    faction["identities"] = Identities(groups);
                }

                factions.Add(faction);
                index++;
            }

            if (factions.Count == 0)
            {
                _read.Fail("$.branches", facts["branches"], "needs at least one branch with troops");
            }

            return factions;
        }

        /// <summary>Rule F1 (v2): the branch's name as a slug, unique within the case.</summary>
        private string Slug(string text)
        {
            var slug = new StringBuilder();
            int depth = 0;
            foreach (char c in text.ToLowerInvariant())
            {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth > 0 || c == ')')
                {
                    continue;
                }

                slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
            }

            string name = string.Join('-', slug.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
            name = name.Length > 40 ? name[..40].TrimEnd('-') : name;
            name = name.Length == 0 ? "branch" : name;
            string unique = name;
            for (int n = 2; !_factionNames.Add(unique); n++)
            {
                unique = $"{name}-{n}";
            }

            return unique;
        }

        private static bool AppliesTo(JsonObject identity, string branch)
            => identity["branches"] is not JsonArray list || list.Count == 0 || list.Any(b => b is JsonValue v && v.TryGetValue(out string? s) && s == branch);

        /// <summary>Rule I1.</summary>
        private JsonArray Identities(List<(JsonObject Item, string At)> groups)
        {
            var list = new List<(string Name, double Officers, double Troops, bool Rulers)>();
            foreach (var (group, at) in groups)
            {
                string name = _read.Text(group, "name", at, required: true) ?? "group";
                double officers = _read.Quantity(group, "officerShare", at, required: true, 0, 1)?.Value ?? 0;
                double troops = _read.Quantity(group, "troopShare", at, required: true, 0, 1)?.Value ?? 0;
                bool rulers = _read.Flag(group, "rulersGroup", at) ?? false;
                list.Add((name, officers, troops, rulers));
            }

            double officerSum = list.Sum(g => g.Officers), troopSum = list.Sum(g => g.Troops);
            if (officerSum < 1 - 1e-9 || troopSum < 1 - 1e-9)
            {
                list.Add(("others", Math.Max(0, 1 - officerSum), Math.Max(0, 1 - troopSum), false));
                officerSum = Math.Max(1, officerSum);
                troopSum = Math.Max(1, troopSum);
            }

            var array = new JsonArray();
            foreach (var (name, officers, troops, rulers) in list)
            {
                array.Add(new JsonObject
                {
                    ["name"] = name,
                    ["officerShare"] = Math.Round(officers / officerSum, 6),
                    ["troopShare"] = Math.Round(troops / troopSum, 6),
                    ["loyaltyShift"] = rulers ? K("I1", "rulersGroupShift") : 0,
                    ["fateIfRegimeFalls"] = rulers ? K("I1", "rulersGroupFate") : 0,
                });
            }

            return array;
        }

        /// <summary>Rules E1, X2, X3.</summary>
        private (JsonObject Regime, Quantity Oil, Quantity Other, Quantity Reserves) Regime()
        {
            var economy = _read.Object(facts, "economy", "$", required: true) ?? [];
            double perYear = K("E1", "weeksPerYear"), floor = K("E1", "minimumOtherRevenue");
            var revenue = _read.Quantity(economy, "governmentRevenueUsdBnPerYear", "$.economy", required: true, 0, double.PositiveInfinity) ?? new Quantity(1, 1, 1);
            var oilYear = _read.Quantity(economy, "oilGasRevenueUsdBnPerYear", "$.economy", required: true, 0, double.PositiveInfinity) ?? new Quantity(0, 0, 0);
            var reserves = _read.Quantity(economy, "reservesAbroadUsdBn", "$.economy", required: true, 0, double.PositiveInfinity) ?? new Quantity(0, 0, 0);
            if (!_v1)
            {
                oilYear = new Quantity(Math.Min(oilYear.Value, revenue.Value), Math.Min(oilYear.Low, revenue.Value), Math.Min(oilYear.High, revenue.Value)); // E1 (v2): capped at the government revenue
            }

            if (oilYear.Value > revenue.Value)
            {
                _read.Fail("$.economy.oilGasRevenueUsdBnPerYear", economy["oilGasRevenueUsdBnPerYear"], $"exceeds the government revenue ({Format(revenue.Value)})");
            }

            var oil = oilYear.Map(x => Math.Round(x / perYear, 6));
            var other = new Quantity(revenue.Value - oilYear.Value, revenue.Low - oilYear.Value, revenue.High - oilYear.Value).Map(x => Math.Round(Math.Max(floor, x / perYear), 6));
            reserves = reserves.Map(x => Math.Round(x, 6));
            Range("$.regime.oilRevenuePerWeek", oil, "E1");
            Range("$.regime.otherRevenuePerWeek", other, "E1");
            Range("$.regime.reservesAbroad", reserves, "E1");

            bool? reprisals = _read.Flag(facts, "reprisalsAgainstFamilies", "$");
            bool? counterweight = _read.Flag(facts, "forceAbleToArrestHighCommand", "$");
            if (reprisals is null)
            {
                _read.Fail("$.reprisalsAgainstFamilies", null, "required, a flag ({\"value\": true or false, \"sources\"}) (rule X2)");
            }

            if (counterweight is null)
            {
                _read.Fail("$.forceAbleToArrestHighCommand", null, "required, a flag ({\"value\": true or false, \"sources\"}) (rule X3)");
            }

            var regime = new JsonObject
            {
                ["oilRevenuePerWeek"] = oil.Value,
                ["otherRevenuePerWeek"] = other.Value,
                ["reservesAbroad"] = reserves.Value,
                ["reprisalProbability"] = reprisals == true ? K("X2", "documented") : K("X2", "notDocumented"),
                ["detectionProbability"] = counterweight == false ? K("X3", "none") : K("X3", "counterweight"),
            };

            // E2: only a version whose rule maps the fact to $.regime.type codes it (none shipped yet does)
            if (CodesRegimeType(rules) && facts["regimeType"] is JsonObject typeFact && _read.Text(typeFact, "value", "$.regimeType", required: true) is string type)
            {
                try
                {
                    regime["type"] = JsonNamingPolicy.CamelCase.ConvertName(RegimeTypeOf(type).ToString());
                }
                catch (ArgumentException)
                {
                    _read.Fail("$.regimeType.value", typeFact["value"], "must be personalist, military, single-party or mixed (rule E2)");
                }
            }

            return (regime, oil, other, reserves);
        }

        /// <summary>Rules P1-P10.</summary>
        private JsonArray Coalition(Quantity oil, Quantity other, Quantity reserves, HashSet<string> patronNames)
        {
            var senders = new List<(string Name, int Join, JsonArray Instruments)>();
            int index = 0;
            var entries = _read.Array(facts, "pressure", "$").ToList();
            foreach (var (measure, at) in entries)
            {
                string sender = _read.Text(measure, "sender", at, required: true) ?? "sender";
                if (!_v1 && patronNames.Contains(sender))
                {
                    sender += "-pressure"; // P1 (v2): support and pressure from one state
                }
                string kind = _read.Text(measure, "kind", at, required: true) ?? "";
                var start = Week(_read.Date(measure, "date", at, required: false));
                DateOnly? endDate = _read.Date(measure, "endDate", at, required: false);
                if (start is not int startWeek || (endDate is DateOnly e && e < _weekZero))
                {
                    continue; // after the horizon, or over before week 0 (rule T1)
                }

                int? endWeek = endDate is DateOnly end ? Week(end) : null;
                var share = measure["revenueShareAffected"] is null ? null : _read.Quantity(measure, "revenueShareAffected", at, required: false, 0, 1);
                var frozen = measure["assetsFrozenUsdBn"] is null ? null : _read.Quantity(measure, "assetsFrozenUsdBn", at, required: false, 0, double.PositiveInfinity);
                bool targetsOfficers = _read.Flag(measure, "targetsOfficers", at) ?? false;

                var made = new List<(JsonObject Instrument, Quantity? Bite)>();
                JsonObject Make(string instrumentKind) => new() { ["kind"] = instrumentKind, ["startWeek"] = startWeek, ["endWeek"] = endWeek };
                double revenuePerWeek = oil.Value + other.Value;
                Quantity? BiteOf(Quantity? s, double baseRevenue) => s is Quantity q && baseRevenue > 0 ? q.Map(x => Math.Round(Math.Min(1, x * revenuePerWeek / baseRevenue), 6)) : null;
                switch (kind)
                {
                    case "oil-embargo":
                        made.Add((Make("oilEmbargo"), BiteOf(share, oil.Value) ?? Fixed(K("P2", "defaultBite"))));
                        break;
                    case "trade-embargo":
                        bool un = sender == "un";
                        if (oil.Value > 0)
                        {
                            made.Add((Make("oilEmbargo"), un ? Fixed(K("P3", "unOilBite")) : BiteOf(share, oil.Value + other.Value) ?? Fixed(K("P3", "otherOilBite"))));
                        }

                        made.Add((Make("financialSanctions"), un ? Fixed(K("P3", "unFinancialBite")) : BiteOf(share, oil.Value + other.Value) ?? Fixed(K("P3", "otherFinancialBite"))));
                        break;
                    case "financial-sanctions":
                        made.Add((Make("financialSanctions"), BiteOf(share, other.Value) ?? Fixed(K("P4", "financialDefault"))));
                        break;
                    case "aid-suspension":
                        made.Add((Make("financialSanctions"), BiteOf(share, other.Value) ?? Fixed(K("P4", "aidDefault"))));
                        break;
                    case "asset-freeze":
                        made.Add((Make("assetFreeze"), frozen is Quantity f && reserves.Value > 0 ? f.Map(x => Math.Round(Math.Min(1, x / reserves.Value), 6)) : Fixed(K("P5", "defaultBite"))));
                        break;
                    case "targeted-sanctions":
                        var targeted = Make("targetedSanctions");
                        targeted["credibility"] = targetsOfficers ? K("P6", "officersCredibility") : K("P6", "circleCredibility");
                        targeted["freezeShare"] = targetsOfficers ? K("P6", "officersFreeze") : K("P6", "circleFreeze");
                        made.Add((targeted, null));
                        break;
                    case "recognition-of-opposition":
                        made.Add((Make("recognition"), null));
                        break;
                    case "contact-with-officers":
                        var contact = Make("contactCampaign");
                        contact["reachPerWeek"] = K("P8", "reachPerWeek");
                        contact["targeting"] = "generalsFirst";
                        made.Add((contact, null));
                        break;
                    case "amnesty-offer":
                        var amnesty = Make("amnesty");
                        amnesty["value"] = K("P9", "value");
                        amnesty["credibility"] = K("P9", "credibility");
                        amnesty["public"] = true;
                        made.Add((amnesty, null));
                        break;
                    case "arms-embargo" or "suspension-from-organisation" or "military-threat":
                        break; // rule P10: recorded with the case, no instrument in this version
                    default:
                        _read.Fail($"{at}.kind", measure["kind"], "must be one of oil-embargo, trade-embargo, financial-sanctions, targeted-sanctions, asset-freeze, arms-embargo, aid-suspension, recognition-of-opposition, contact-with-officers, amnesty-offer, suspension-from-organisation, military-threat");
                        break;
                }

                if (made.Count == 0)
                {
                    continue;
                }

                int s = senders.FindIndex(x => x.Name == sender);
                if (s < 0)
                {
                    senders.Add((sender, startWeek, []));
                    s = senders.Count - 1;
                }

                senders[s] = senders[s] with { Join = Math.Min(senders[s].Join, startWeek) };
                foreach (var (instrument, bite) in made)
                {
                    if (bite is Quantity b)
                    {
                        instrument["bite"] = b.Value;
                    }

                    senders[s].Instruments.Add(instrument);
                    if (bite is Quantity r)
                    {
                        Range($"$.coalition[{s}].instruments[{senders[s].Instruments.Count - 1}].bite", r, "P2-P5");
                    }
                }

                index++;
            }

            var coalition = new JsonArray();
            foreach (var (name, join, instruments) in senders)
            {
                coalition.Add(new JsonObject { ["name"] = name, ["joinWeek"] = join, ["instruments"] = instruments });
            }

            return coalition;
        }

        private static Quantity Fixed(double value) => new(value, value, value);

        /// <summary>Rule PT1.</summary>
        private JsonArray Patrons()
        {
            var patrons = new JsonArray();
            foreach (var (patron, at) in _read.Array(facts, "patrons", "$"))
            {
                string name = _read.Text(patron, "name", at, required: true) ?? "patron";
                var support = patron["support"] is JsonArray list ? list.Select(x => x?.GetValue<string>() ?? "").ToHashSet(StringComparer.Ordinal) : [];
                var amount = patron["amountUsdBnPerYear"] is null ? null : _read.Quantity(patron, "amountUsdBnPerYear", at, required: false, 0, double.PositiveInfinity);
                patrons.Add(new JsonObject
                {
                    ["name"] = name,
                    ["loansPerWeek"] = support.Contains("loans") && amount is Quantity a ? Math.Round(a.Value / K("E1", "weeksPerYear"), 6) : 0,
                    ["oilPurchaseShare"] = support.Contains("oil-purchases") ? K("PT1", "oilPurchaseShare") : 0,
                    ["detectionAssistance"] = support.Contains("security-advisers") || support.Contains("troops") ? K("PT1", "detectionAssistance") : 0,
                    ["commitment"] = new JsonObject { ["progressFromDefections"] = K("PT1", "progressFromDefections") },
                });
            }

            return patrons;
        }

        /// <summary>Rules PR1, PR2.</summary>
        private JsonArray Events(double population)
        {
            var protests = new SortedDictionary<int, (Quantity Shock, string Name)>();
            double perTenfold = K("PR1", "perTenfold"), threshold = K("PR1", "thresholdShare");
            double Shock(double participants) => Math.Round(Math.Max(0, perTenfold * Math.Log10(participants / population / threshold)), 3);
            foreach (var (protest, at) in _read.Array(facts, "protests", "$"))
            {
                var week = Week(_read.Date(protest, "date", at, required: true));
                var participants = _read.Quantity(protest, "participants", at, required: true, 0, double.IsFinite(population) ? population : double.PositiveInfinity);
                if (week is not int w || participants is not Quantity p || !double.IsFinite(population))
                {
                    continue;
                }

                var shock = p.Map(Shock);
                if (shock.Value <= 0 || (protests.TryGetValue(w, out var best) && best.Shock.Value >= shock.Value))
                {
                    continue;
                }

                string description = _read.Text(protest, "description", at, required: false) ?? "mass protest";
                protests[w] = (shock, $"Protest: {description}");
            }

            var crackdowns = new SortedDictionary<int, string>();
            foreach (var (repression, at) in _read.Array(facts, "repression", "$"))
            {
                var week = Week(_read.Date(repression, "date", at, required: true));
                string description = _read.Text(repression, "description", at, required: false) ?? _read.Text(repression, "kind", at, required: true) ?? "repression";
                if (week is int w && !crackdowns.ContainsKey(w))
                {
                    crackdowns[w] = $"Crackdown: {description}";
                }
            }

            var events = new JsonArray();
            foreach (int week in protests.Keys.Concat(crackdowns.Keys).Distinct().Order())
            {
                if (protests.TryGetValue(week, out var protest))
                {
                    events.Add(new JsonObject { ["name"] = Shorten(protest.Name), ["kind"] = "massProtest", ["week"] = week, ["durationWeeks"] = 1, ["perceivedShareShock"] = protest.Shock.Value });
                    Range($"$.events[{events.Count - 1}].perceivedShareShock", protest.Shock, "PR1");
                }

                if (crackdowns.TryGetValue(week, out string? crackdown))
                {
                    events.Add(new JsonObject
                    {
                        ["name"] = Shorten(crackdown), ["kind"] = "crackdown", ["week"] = week, ["durationWeeks"] = (int)K("PR2", "weeks"),
                        ["perceivedShareShock"] = K("PR2", "perceivedShareShock"), ["coercionShock"] = K("PR2", "coercionShock"),
                    });
                }
            }

            return events;
        }

        private static string Shorten(string text) => text.Length <= 120 ? text : text[..117] + "...";

        /// <summary>Rules O1, O2.</summary>
        private CaseObservation? Observation(double totalTroops)
        {
            var outcome = _read.Object(facts, "outcome", "$", required: true);
            if (outcome is null)
            {
                return null;
            }

            string? typeName = _read.Text(outcome, "type", "$.outcome", required: true);
            if (!OutcomeTypes.TryParse(typeName, out OutcomeType type))
            {
                if (typeName is not null)
                {
                    _read.Fail("$.outcome.type", outcome["type"], "must be an outcome type; " + OutcomeTypes.Hint(typeName));
                }

                return null;
            }

            var ranges = new Dictionary<string, ObservedRange>(StringComparer.Ordinal);
            int? outcomeWeek = null;
            if (type != OutcomeType.Survived)
            {
                if (outcome["weekRange"] is JsonArray w && w.Count == 2 && w[0] is JsonValue a && a.TryGetValue(out int low) && w[1] is JsonValue b && b.TryGetValue(out int high) && 0 <= low && low <= high)
                {
                    if (low >= _weeks)
                    {
                        _read.Fail("$.outcome.weekRange", w, $"an outcome other than 'survived' must happen within the horizon, weeks 0 to {_weeks - 1}; later, the case survived its horizon (rule T2)");
                    }

                    outcomeWeek = low;
                    ranges["outcomeWeek"] = new ObservedRange { Low = low, High = Math.Min(high, _weeks - 1) };
                }
                else
                {
                    _read.Fail("$.outcome.weekRange", outcome["weekRange"], "required for an outcome other than 'survived': [low, high], whole weeks after week 0 with 0 ≤ low ≤ high");
                }
            }

            int early = (int)K("O2", "earlyWeeks");
            Quantity? Latest(string rank, int beforeWeek)
            {
                Quantity? found = null;
                int foundWeek = -1;
                foreach (var (d, at) in _read.Array(facts, "defectors", "$"))
                {
                    if (d["rank"]?.GetValue<string>() != rank)
                    {
                        continue;
                    }

                    var date = _read.Date(d, "byDate", at, required: true);
                    var count = _read.Quantity(d, "count", at, required: true, 0, double.PositiveInfinity);
                    if (date is not DateOnly day || count is not Quantity c)
                    {
                        continue;
                    }

                    int days = day.DayNumber - _weekZero.DayNumber;
                    int week = days < 0 ? 0 : days / 7;
                    if (week < beforeWeek && week >= foundWeek)
                    {
                        found = c;
                        foundWeek = week;
                    }
                }

                return found;
            }

            int? Count(string field, Quantity? q)
            {
                if (q is not Quantity c)
                {
                    return null;
                }

                if (c.HasRange)
                {
                    ranges[field] = new ObservedRange { Low = Math.Round(c.Low), High = Math.Round(c.High) };
                }

                return (int)Math.Round(c.Value);
            }

            double? Crossings(string field, Quantity? q)
            {
                if (q is not Quantity c)
                {
                    return null;
                }

                if (c.HasRange)
                {
                    ranges[field] = new ObservedRange { Low = c.Low, High = c.High };
                }

                return c.Value;
            }

            var units = _v1 ? Latest("unit", _weeks) : null; // O2 (v2): unit counts count units, not troops
            double? share = null;
            if (units is Quantity u && totalTroops > 0)
            {
                var s = u.Map(x => Math.Round(Math.Min(1, x / totalTroops), 4));
                share = s.Value;
                if (s.HasRange)
                {
                    ranges["defectedShare"] = new ObservedRange { Low = s.Low, High = s.High };
                }
            }

            string description = _read.Text(outcome, "description", "$.outcome", required: true) ?? "";
            return new CaseObservation
            {
                Outcome = type,
                OutcomeWeek = outcomeWeek,
                Collapsed = OutcomeTypes.RulerGone(type),
                CollapseWeek = OutcomeTypes.RulerGone(type) ? outcomeWeek : null,
                EarlyGeneralDefections = Count("earlyGeneralDefections", Latest("general", early)),
                GeneralsDefected = Count("generalsDefected", Latest("general", _weeks)),
                EarlyLowRankCrossings = Crossings("earlyLowRankCrossings", Latest("rank-and-file", early)),
                LowRankCrossings = Crossings("lowRankCrossings", Latest("rank-and-file", _weeks)),
                DefectedShare = share,
                Ranges = ranges,
                Source = description,
            };
        }

        private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
    }
}
