using System.CommandLine;
using System.Text.Json.Nodes;

namespace SanctionsSim.Cli.Commands;

/// <summary>The one place a command's result goes to standard output in the format asked for (#28 item 3).</summary>
internal static class Emit
{
    /// <summary>The <c>--format</c> given on the command line.</summary>
    public static OutputFormat Format(this ParseResult parse, Option<string> option) => OutputFormats.Parse(parse.GetValue(option));

    /// <summary>Writes the result: its JSON, its CSV (null: the command has none, and the parser refused csv), or the tables.</summary>
    public static async Task Result(CliContext context, OutputFormat format, Func<JsonNode> json, Func<string>? csv, Func<Task> table)
    {
        switch (format)
        {
            case OutputFormat.Json:
                await context.Output.WriteAsync(SummaryJson.ToText(json())).ConfigureAwait(false);
                break;
            case OutputFormat.Csv when csv is not null:
                await context.Output.WriteAsync(csv()).ConfigureAwait(false);
                break;
            default:
                await table().ConfigureAwait(false);
                break;
        }
    }

    /// <summary>As <see cref="Result(CliContext, OutputFormat, Func{JsonNode}, Func{string}?, Func{Task})"/>, with tables that print synchronously.</summary>
    public static Task Result(CliContext context, OutputFormat format, Func<JsonNode> json, Func<string>? csv, Action table)
        => Result(context, format, json, csv, () =>
        {
            table();
            return Task.CompletedTask;
        });
}
