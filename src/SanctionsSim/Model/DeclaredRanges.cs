using SanctionsSim.Validation;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace SanctionsSim.Model;

/// <summary>
/// The ranges of the scenario's numbers, declared once, as a <see cref="RangeAttribute"/> on each property of the
/// scenario's records: <see cref="ScenarioValidator"/> checks them, the JSON Schema states them (minimum, maximum,
/// exclusiveMinimum) and the scenario reference is generated from the schema.
/// </summary>
internal static class DeclaredRanges
{
    private static readonly ConcurrentDictionary<Type, Field[]> Cache = new();

    /// <summary>The ranged properties of <paramref name="type"/>, in declaration order.</summary>
    public static Field[] Of(Type type) => Cache.GetOrAdd(type, static t =>
    [
        .. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Range: Of(p)))
            .Where(x => x.Range is not null)
            .Select(x => new Field(x.Property, JsonNamingPolicy.CamelCase.ConvertName(x.Property.Name), x.Range!.Value, IsInteger(x.Property.PropertyType), Reader(x.Property))),
    ]);

    /// <summary>The declared range of a property, or null.</summary>
    public static ValueRange? Of(PropertyInfo property)
        => property.GetCustomAttribute<RangeAttribute>() is { } a
            ? new ValueRange(Convert.ToDouble(a.Minimum, CultureInfo.InvariantCulture), Convert.ToDouble(a.Maximum, CultureInfo.InvariantCulture), a.MinimumIsExclusive, a.MaximumIsExclusive)
            : null;

    /// <summary>A compiled getter of the property as a nullable double (validation runs for every plan built, so it must not cost a reflective call per field).</summary>
    private static Func<object, double?> Reader(PropertyInfo property)
    {
        ParameterExpression owner = Expression.Parameter(typeof(object));
        Expression value = Expression.Property(Expression.Convert(owner, property.DeclaringType!), property);
        return Expression.Lambda<Func<object, double?>>(Expression.Convert(value, typeof(double?)), owner).Compile();
    }

    private static bool IsInteger(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(int);

    /// <summary>A ranged property: its JSON name, its range, and whether it is an integer.</summary>
    internal sealed record Field(PropertyInfo Property, string JsonName, ValueRange Range, bool Integer, Func<object, double?> Read);
}
