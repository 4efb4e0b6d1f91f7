using System.Globalization;

namespace SanctionsSim.IO.Inputs;

/// <summary>
/// <c>discover</c>'s input, read and checked (moved from the command line, #28 item 3): the points of a sweep folder or
/// of a CSV file, the cases of interest given by a condition on one column (<c>COLUMN&lt;VALUE</c>, <c>&lt;=</c>, <c>&gt;</c>
/// or <c>&gt;=</c>), and the inputs PRIM finds limits on. Each refusal names the option (<c>--where</c>, <c>--input</c>).
/// </summary>
/// <param name="Inputs">The inputs' names.</param>
/// <param name="Rows">Each point's inputs, in the order of <paramref name="Inputs"/>.</param>
/// <param name="IsCase">Whether each point is a case of interest.</param>
internal sealed record DiscoveryInput(string[] Inputs, List<double[]> Rows, List<bool> IsCase)
{
    /// <summary>Reads <paramref name="source"/> and splits its points by <paramref name="where"/>; at least one point must be a case and one not.</summary>
    /// <param name="source">A sweep folder or a CSV file with a header.</param>
    /// <param name="where">The condition, for example <c>collapseProbability&lt;0.5</c>.</param>
    /// <param name="inputs">The inputs (none: a sweep's levers, or every other numeric column of a CSV).</param>
    /// <returns>The input of PRIM.</returns>
    public static DiscoveryInput Read(string source, string where, string[]? inputs)
    {
        var (names, columns) = InputFiles.ReadColumns(source, out string[] defaultInputs);
        var (column, op, threshold) = ParseWhere(where, names);
        string[] chosen = inputs is { Length: > 0 } given ? given : defaultInputs.Where(n => n != names[column]).ToArray();
        var indices = chosen.Select(n => Index(n, names, "--input")).ToArray();
        if (indices.Contains(column))
        {
            throw new UserInputException($"--input {names[column]} is the column of --where; an input cannot define the cases it explains.");
        }

        int n = columns[0].Length;
        var rows = Enumerable.Range(0, n).Select(i => indices.Select(j => columns[j][i]).ToArray()).ToList();
        var isCase = Enumerable.Range(0, n).Select(i => Compare(columns[column][i], op, threshold)).ToList();
        if (!isCase.Contains(true))
        {
            throw new UserInputException($"--where {where}: no point is a case of interest (of {n}); {names[column]} ranges over [{F(columns[column].Min())}, {F(columns[column].Max())}].");
        }

        if (!isCase.Contains(false))
        {
            throw new UserInputException($"--where {where}: every point is a case of interest (all {n}), so there is no region to tell apart; {names[column]} ranges over [{F(columns[column].Min())}, {F(columns[column].Max())}]: choose a threshold inside that range.");
        }

        return new DiscoveryInput(chosen, rows, isCase);
    }

    private static (int Column, string Op, double Value) ParseWhere(string text, string[] names)
    {
        foreach (string op in (string[])["<=", ">=", "<", ">"])
        {
            int at = text.IndexOf(op, StringComparison.Ordinal);
            if (at > 0)
            {
                string name = text[..at].Trim();
                string value = text[(at + op.Length)..].Trim();
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                {
                    throw new UserInputException($"--where '{text}': '{value}' is not a finite number.");
                }

                return (Index(name, names, "--where"), op, v);
            }
        }

        throw new UserInputException($"--where '{text}': expected COLUMN<VALUE, COLUMN<=VALUE, COLUMN>VALUE or COLUMN>=VALUE, for example 'collapseProbability<0.5'.");
    }

    private static int Index(string name, string[] names, string option)
    {
        int i = Array.IndexOf(names, name);
        if (i >= 0)
        {
            return i;
        }

        string hint = Internal.Suggest.Closest(name, names) is { } s ? $"did you mean '{s}'? " : "";
        throw new UserInputException($"{option}: no numeric column '{name}'; {hint}columns: {string.Join(", ", names)}.");
    }

    private static bool Compare(double x, string op, double v) => op switch
    {
        "<" => x < v,
        "<=" => x <= v,
        ">" => x > v,
        _ => x >= v,
    };

    private static string F(double x) => Rounding.Significant(x, 4);
}
