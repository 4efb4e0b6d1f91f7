using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SanctionsSim.Internal;

/// <summary>Reads the library's XML documentation (SanctionsSim.xml beside the assembly) to describe schema members.</summary>
internal static partial class XmlDocs
{
    private static readonly Lazy<Dictionary<string, string>> Members = new(Load);

    public static string? Describe(PropertyInfo property)
        => Members.Value.TryGetValue($"P:{property.DeclaringType!.FullName}.{property.Name}", out string? text) ? text : null;

    public static string? Describe(Type type)
        => Members.Value.TryGetValue($"T:{type.FullName}", out string? text) ? text : null;

    private static Dictionary<string, string> Load()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        string location = typeof(XmlDocs).Assembly.Location;
        string path = Path.ChangeExtension(location, ".xml");
        if (string.IsNullOrEmpty(location) || !File.Exists(path))
        {
            return result;
        }

        foreach (XElement member in XDocument.Load(path).Descendants("member"))
        {
            string? name = member.Attribute("name")?.Value;
            if (name is null)
            {
                continue;
            }

            string summary = Flatten(member.Element("summary"));
            string value = Flatten(member.Element("value"));
            string text = (summary + (value.Length > 0 ? " " + value : "")).Trim();
            if (text.Length > 0)
            {
                result[name] = text;
            }
        }

        return result;
    }

    private static string Flatten(XElement? element)
    {
        if (element is null)
        {
            return "";
        }

        var parts = element.Nodes().Select(n => n switch
        {
            XText t => t.Value,
            XElement e when e.Name == "see" || e.Name == "paramref" || e.Name == "typeparamref" =>
                (e.Attribute("cref")?.Value ?? e.Attribute("name")?.Value ?? e.Attribute("langword")?.Value ?? "").Split('.').Last(),
            XElement e => e.Value,
            _ => "",
        });
        return Spaces().Replace(string.Concat(parts), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
