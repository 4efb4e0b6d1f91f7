namespace SanctionsSim.IO.Results;

/// <summary>How a command writes its result to standard output: a table for people, JSON or CSV for programs (#28 item 3: one type instead of a string compared in every command).</summary>
internal enum OutputFormat
{
    /// <summary>Tables and sentences for a person to read (the default).</summary>
    Table,

    /// <summary>The result's JSON, every digit and field name kept.</summary>
    Json,

    /// <summary>The result as CSV with a header line.</summary>
    Csv,
}

/// <summary>The names of <see cref="OutputFormat"/> as the command line spells them.</summary>
internal static class OutputFormats
{
    /// <summary>The format named <paramref name="name"/> (<c>table</c>, <c>json</c> or <c>csv</c>; none: table).</summary>
    public static OutputFormat Parse(string? name) => name switch
    {
        null or "table" => OutputFormat.Table,
        "json" => OutputFormat.Json,
        "csv" => OutputFormat.Csv,
        _ => throw new UserInputException($"--format '{name}': the formats are table, json and csv."),
    };
}
