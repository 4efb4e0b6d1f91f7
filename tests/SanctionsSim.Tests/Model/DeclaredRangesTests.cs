using SanctionsSim.Scenarios.Cases;
using SanctionsSim.Validation;
using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SanctionsSim.Internal;
using SanctionsSim.Model;
using SanctionsSim.Scenarios;
using RangeAttribute = System.ComponentModel.DataAnnotations.RangeAttribute;

namespace SanctionsSim.Tests.Model;

/// <summary>The scenario's ranges are declared once (a <see cref="RangeAttribute"/> on each property) and the validator, the XML docs and the JSON Schema all say the same.</summary>
public partial class DeclaredRangesTests
{
    /// <summary>Numbers of the scenario with no range of their own: checked against another field instead.</summary>
    private static readonly HashSet<string> Unranged = ["Instrument.EndWeek"];

    [Test]
    public void EveryNumberOfTheScenario_HasADeclaredRange()
    {
        var missing = ScenarioTypes().SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) is var t && (t == typeof(int) || t == typeof(double) || t == typeof(long)))
            .Where(p => p.GetCustomAttribute<RangeAttribute>() is null && !Unranged.Contains($"{p.DeclaringType!.Name}.{p.Name}"))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();
        missing.ShouldBeEmpty("every number of the scenario needs [Range] (the validator, the schema and the reference read it)");
    }

    [Test]
    public void Validator_RejectsEveryDeclaredRange_NamingPathValueAndRange()
    {
        Scenario scenario = Everything();
        ScenarioValidator.Validate(scenario).ShouldBeEmpty();
        var fields = new List<(object Owner, string Path, PropertyInfo Property)>();
        Walk(scenario, "$", fields);
        fields.Select(f => $"{f.Property.DeclaringType!.Name}.{f.Property.Name}").Distinct().Count()
            .ShouldBe(ScenarioTypes().Sum(t => DeclaredRanges.Of(t).Length), "every declared range is reached by the walk");
        fields.Count.ShouldBeGreaterThan(140);
        foreach (var (owner, path, property) in fields)
        {
            ValueRange range = DeclaredRanges.Of(property)!.Value;
            object? original = property.GetValue(owner);
            bool integer = (Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType) == typeof(int);
            object bad = integer ? (int)range.Max + 1 : (object)double.NaN;
            property.SetValue(owner, bad);
            try
            {
                var errors = ScenarioValidator.Validate(scenario).Where(e => e.Path == path).ToList();
                errors.Count.ShouldBe(path.EndsWith("instruments[0].value", StringComparison.Ordinal) && errors.Count == 2 ? 2 : 1, $"{path} = {bad} is out of its range {range}: one error"); // an asset protection's value has a second, narrower range
                string value = integer ? ((int)bad).ToString(CultureInfo.InvariantCulture) : "NaN";
                errors[0].Value.ShouldBe(value, path);
                if (path.EndsWith(".week", StringComparison.Ordinal))
                {
                    errors[0].Message.ShouldContain($"[0, {scenario.Weeks - 1}]", customMessage: "an event's week is checked against the horizon"); // within the declared [0, 9999]
                }
                else
                {
                    errors[0].Message.ShouldBe((integer ? "must be an integer in " : "must be a finite number in ") + range, path);
                }
            }
            finally
            {
                property.SetValue(owner, original);
            }
        }

        ScenarioValidator.Validate(scenario).ShouldBeEmpty();
    }

    [Test]
    public void XmlDocs_StateTheDeclaredRange()
    {
        var wrong = new List<string>();
        foreach (PropertyInfo property in ScenarioTypes().SelectMany(t => DeclaredRanges.Of(t)).Select(f => f.Property))
        {
            string name = $"{property.DeclaringType!.Name}.{property.Name}";
            string doc = XmlDocs.Describe(property) ?? "";
            Match m = DocRange().Match(doc);
            if (!m.Success)
            {
                wrong.Add($"{name}: no 'Range: …' in its <value> doc");
                continue;
            }

            ValueRange declared = DeclaredRanges.Of(property)!.Value;
            ValueRange? stated = Parse(m.Groups[1].Value);
            if (stated != declared)
            {
                wrong.Add($"{name}: the doc says 'Range: {m.Groups[1].Value}', the declared range is {declared}");
            }
        }

        wrong.ShouldBeEmpty();
    }

    [TestCase("[0, 1]", 0, 1, false, false)]
    [TestCase("(0, 10^6]", 0, 1e6, true, false)]
    [TestCase("1 to 100,000", 1, 100_000, false, false)]
    [TestCase("[−100, 100]", -100, 100, false, false)]
    [TestCase("0 to 9,999, and before the horizon", 0, 9999, false, false)]
    public void DocRangeText_IsParsed(string text, double min, double max, bool minOpen, bool maxOpen)
        => Parse(text).ShouldBe(new ValueRange(min, max, minOpen, maxOpen));

    [Test]
    public void Schema_StatesTheDeclaredRanges()
    {
        var schema = JsonNode.Parse(ScenarioJson.GetJsonSchema())!;
        var faction = schema["properties"]!["factions"]!["items"]!["properties"]!;
        faction["generals"]!["minimum"]!.GetValue<long>().ShouldBe(1);
        faction["generals"]!["maximum"]!.GetValue<long>().ShouldBe(100_000);
        faction["collapseImportance"]!["exclusiveMinimum"]!.GetValue<long>().ShouldBe(0);
        faction["collapseImportance"]!["minimum"].ShouldBeNull();
        faction["familyExposureConcentration"]!["maximum"]!.GetValue<long>().ShouldBe(1_000_000);
        int stated = 0;
        Count(schema);
        stated.ShouldBeGreaterThanOrEqualTo(ScenarioTypes().Sum(t => DeclaredRanges.Of(t).Length), "every declared range is in the schema (types used twice are written out twice)");

        void Count(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                if (o.ContainsKey("maximum") || o.ContainsKey("exclusiveMaximum"))
                {
                    stated++;
                }

                foreach (var (_, child) in o)
                {
                    Count(child);
                }
            }
            else if (node is JsonArray a)
            {
                foreach (var child in a)
                {
                    Count(child);
                }
            }
        }
    }

    [Test]
    public void Schema_AcceptsEveryPresetAndExample()
    {
        var schema = JsonNode.Parse(ScenarioJson.GetJsonSchema())!.AsObject();
        var scenarios = Presets.Names.Select(n => (n, JsonNode.Parse(ScenarioJson.Write(Presets.Get(n)))!)).ToList();
        string examples = Path.Combine(Simulation.VenezuelaPresetTests.RepositoryRoot(), "docs", "examples");
        foreach (string file in Directory.GetFiles(examples, "*.json"))
        {
            var node = JsonNode.Parse(File.ReadAllText(file), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
            if (node["schemaVersion"] is not null)
            {
                scenarios.Add((Path.GetFileName(file), node));
            }
        }

        scenarios.Count.ShouldBeGreaterThan(Presets.Names.Count);
        var outside = new List<string>();
        foreach (var (name, scenario) in scenarios)
        {
            Check(schema, scenario, name + ": $");
        }

        outside.ShouldBeEmpty("the schema's minimum/maximum reject a scenario the library accepts");

        void Check(JsonObject node, JsonNode? value, string path)
        {
            if (value is JsonValue v && v.TryGetValue(out double x))
            {
                bool ok = (node["minimum"] is not { } min || x >= min.GetValue<double>()) && (node["exclusiveMinimum"] is not { } emin || x > emin.GetValue<double>())
                    && (node["maximum"] is not { } max || x <= max.GetValue<double>()) && (node["exclusiveMaximum"] is not { } emax || x < emax.GetValue<double>());
                if (!ok)
                {
                    outside.Add($"{path} = {x}");
                }
            }
            else if (value is JsonObject o && node["properties"] is JsonObject properties)
            {
                foreach (var (key, child) in o)
                {
                    if (properties[key] is JsonObject p)
                    {
                        Check(p, child, path + "." + key);
                    }
                }
            }
            else if (value is JsonArray a && node["items"] is JsonObject items)
            {
                for (int i = 0; i < a.Count; i++)
                {
                    Check(items, a[i], $"{path}[{i}]");
                }
            }
        }
    }

    /// <summary>The record types a scenario is made of.</summary>
    private static HashSet<Type> ScenarioTypes()
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>([typeof(Scenario)]);
        while (queue.Count > 0)
        {
            Type t = queue.Dequeue();
            if (!seen.Add(t))
            {
                continue;
            }

            foreach (PropertyInfo p in t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                Type? inner = Element(p.PropertyType) ?? p.PropertyType;
                if (inner.IsClass && inner.Namespace?.StartsWith("SanctionsSim", StringComparison.Ordinal) == true && !typeof(Delegate).IsAssignableFrom(inner) && p.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is null)
                {
                    queue.Enqueue(inner);
                }
            }
        }

        return seen;
    }

    private static Type? Element(Type t)
        => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? t.GetGenericArguments()[0] : null;

    /// <summary>A valid scenario in which every record type appears: the baseline preset with an identity group, a patron and an event added.</summary>
    private static Scenario Everything()
    {
        Scenario preset = Presets.Get("venezuela-2019");
        Scenario s = preset with
        {
            Factions = [preset.Factions[0] with { Identities = [new IdentityGroup { Name = "a", OfficerShare = 1, TroopShare = 1, GeneralLoyaltyShift = 0.1, SeniorLoyaltyShift = 0.1 }] }, .. preset.Factions.Skip(1)],
            Patrons = [new Patron { Name = "p" }],
            Events = [new ExogenousEvent { Name = "e", Week = 3 }],
            Coalition = [preset.Coalition[0] with { JoinWeek = 1, JoinWhenDefectedShareReaches = 0.5, JoinWhenCommitmentReaches = 0.5, Instruments = [preset.Coalition[0].Instruments[0] with { EscalateAfterWeek = 4 }] }, .. preset.Coalition.Skip(1)],
        };

        // a private copy: the test sets fields in place and puts them back
        return ScenarioJson.Read(ScenarioJson.Write(s));
    }

    private static void Walk(object owner, string path, List<(object, string, PropertyInfo)> fields)
    {
        foreach (PropertyInfo p in owner.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is not null || p.GetIndexParameters().Length > 0)
            {
                continue;
            }

            string at = path + "." + JsonNamingPolicy.CamelCase.ConvertName(p.Name);
            if (DeclaredRanges.Of(p) is not null)
            {
                fields.Add((owner, at, p));
                continue;
            }

            object? value = p.GetValue(owner);
            if (value is string || value is null || value.GetType().Namespace?.StartsWith("SanctionsSim", StringComparison.Ordinal) != true && value is not IList)
            {
                continue;
            }

            if (value is IList list)
            {
                if (list.Count > 0 && list[0] is { } first && first.GetType().Namespace?.StartsWith("SanctionsSim", StringComparison.Ordinal) == true)
                {
                    Walk(first, at + "[0]", fields);
                }
            }
            else if (value.GetType().IsClass)
            {
                Walk(value, at, fields);
            }
        }
    }

    /// <summary>Reads a doc's range: "[a, b]", "(a, b]", … or "a to b"; numbers may be written 100,000, 10^6 or with a Unicode minus.</summary>
    private static ValueRange? Parse(string text)
    {
        const string Num = @"[−-]?(?:10\^\d+|[\d,]+(?:\.\d+)?)";
        Match m = Regex.Match(text, $@"^([\[(])({Num}), ({Num})([\])])");
        if (m.Success)
        {
            return new ValueRange(Number(m.Groups[2].Value), Number(m.Groups[3].Value), m.Groups[1].Value == "(", m.Groups[4].Value == ")");
        }

        m = Regex.Match(text, $@"^({Num}) to ({Num})(?![\d^])");
        return m.Success ? new ValueRange(Number(m.Groups[1].Value), Number(m.Groups[2].Value)) : null;

        static double Number(string s)
        {
            s = s.Replace("−", "-", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
            int power = s.IndexOf("10^", StringComparison.Ordinal);
            return power >= 0 ? (s.StartsWith('-') ? -1 : 1) * Math.Pow(10, int.Parse(s[(power + 3)..], CultureInfo.InvariantCulture)) : double.Parse(s, CultureInfo.InvariantCulture);
        }
    }

    [GeneratedRegex(@"Range: ([^.]*(?:\.\d[^.]*)*)")]
    private static partial Regex DocRange();
}
