using System.Globalization;
using SanctionsSim.Internal;

namespace SanctionsSim.Validation;

/// <summary>
/// Collects every problem of an input at once, each with where it is, its value and what is allowed: the one idiom
/// of validation for the scenario (<see cref="Model.ScenarioValidator"/>) and for every options type. Number checks are
/// phrased positively, so NaN is rejected.
/// </summary>
/// <typeparam name="TError">The type of the problems.</typeparam>
internal class InputCollector<TError>(Func<string, string, string, TError> create)
    where TError : InputError
{
    /// <summary>The problems found, in the order found.</summary>
    public List<TError> Errors { get; } = [];

    /// <summary>What a missing required value is told.</summary>
    protected virtual string RequiredMessage => "a value is required";

    /// <summary>Records a problem.</summary>
    public void Add(string path, string value, string message) => Errors.Add(create(path, value, message));

    /// <summary>A required object or list: an error when null.</summary>
    public bool NotNull(string path, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] object? value)
    {
        if (value is null)
        {
            Add(path, "null", RequiredMessage);
            return false;
        }

        return true;
    }

    /// <summary>A required name: an error when null or blank.</summary>
    public bool Text(string path, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, Quote(value), "a non-empty name is required");
            return false;
        }

        return true;
    }

    /// <summary>A name that must be one of <paramref name="known"/>: otherwise an error listing them, with the closest as a suggestion.</summary>
    public void Reference(string path, string? name, HashSet<string> known, string kind, string? whenNone = null)
    {
        if (name is not null && known.Contains(name))
        {
            return;
        }

        if (known.Count == 0 && whenNone is not null)
        {
            Add(path, Quote(name), whenNone);
            return;
        }

        string? guess = name is null ? null : Suggest.Closest(name, known);
        Add(path, Quote(name), $"must name a {kind} of the scenario (" + string.Join(", ", known.Order(StringComparer.Ordinal)) + ")" + (guess is null ? "" : $"; did you mean \"{guess}\"?"));
    }

    /// <summary>A defined value of an enum: otherwise an error listing the names.</summary>
    public bool Defined<TEnum>(string path, TEnum value)
        where TEnum : struct, Enum
    {
        if (Enum.IsDefined(value))
        {
            return true;
        }

        Add(path, value.ToString(), "must be one of " + string.Join(", ", Enum.GetNames<TEnum>()));
        return false;
    }

    /// <summary>An integer in <paramref name="range"/> ("must be in [1, 1024]"; "must be at least 1").</summary>
    public bool In(string path, long value, ValueRange range)
    {
        if (range.Contains(value))
        {
            return true;
        }

        Add(path, value.ToString(CultureInfo.InvariantCulture), Describe(range));
        return false;
    }

    /// <summary>A finite number in <paramref name="range"/> ("must be in (0, 1)"); NaN and infinities never are.</summary>
    public bool In(string path, double value, ValueRange range)
    {
        if (range.Contains(value))
        {
            return true;
        }

        Add(path, Num(value), double.IsInfinity(range.Min) && double.IsInfinity(range.Max) ? "must be a finite number" : Describe(range));
        return false;
    }

    /// <summary>An even integer in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public bool EvenIn(string path, int value, int min, int max)
    {
        if (value >= min && value <= max && value % 2 == 0)
        {
            return true;
        }

        Add(path, value.ToString(CultureInfo.InvariantCulture), $"must be an even number in [{min}, {max}]");
        return false;
    }

    /// <summary>A thread count: −1 (every core) or 1 to 1024.</summary>
    public bool Threads(string path, int value)
    {
        if (value is -1 or (>= 1 and <= 1024))
        {
            return true;
        }

        Add(path, value.ToString(CultureInfo.InvariantCulture), "must be -1 (all cores) or in [1, 1024]");
        return false;
    }

    /// <summary>An integer in [<paramref name="min"/>, <paramref name="max"/>], in the scenario's words ("must be an integer in [1, 10000]").</summary>
    public void Int(string path, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            Add(path, value.ToString(CultureInfo.InvariantCulture), $"must be an integer in [{min}, {max}]");
        }
    }

    /// <summary>A finite number in <paramref name="range"/>, in the scenario's words ("must be a finite number in (0, 1]").</summary>
    public void Real(string path, double value, ValueRange range)
    {
        if (!range.Contains(value))
        {
            Add(path, Num(value), $"must be a finite number in {range}");
        }
    }

    /// <summary>A finite number in [<paramref name="min"/>, <paramref name="max"/>]; a minimum of <see cref="double.Epsilon"/> means above 0.</summary>
    public void Real(string path, double value, double min, double max)
        => Real(path, value, min == double.Epsilon ? new ValueRange(0, max, MinOpen: true) : new ValueRange(min, max));

    /// <summary>A number as the messages write it.</summary>
    public static string Num(double v) => ValueRange.Format(v);

    /// <summary>A string as the messages write it: quoted, or null.</summary>
    public static string Quote(string? s) => s is null ? "null" : "\"" + s + "\"";

    private static string Describe(ValueRange range)
    {
        string text = range.ToString();
        return text.StartsWith('[') || text.StartsWith('(') ? "must be in " + text : "must be " + text;
    }
}

/// <summary>The collector of an options type: problems named by the option (nested options joined by dots), thrown together as one <see cref="InvalidOptionsException"/>.</summary>
/// <param name="subject">What is validated, for the exception's message ("Monte Carlo options").</param>
internal sealed class OptionsCollector(string subject) : InputCollector<OptionError>((path, value, message) => new OptionError { Path = path, Value = value, Message = message })
{
    /// <inheritdoc />
    protected override string RequiredMessage => "must not be null";

    /// <summary>Throws one <see cref="InvalidInputException"/> listing every problem, if there is any.</summary>
    /// <exception cref="InvalidOptionsException">At least one problem.</exception>
    public void ThrowIfAny()
    {
        if (Errors.Count > 0)
        {
            throw new InvalidOptionsException(subject, [.. Errors]);
        }
    }
}
