using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.Analysis;
using SanctionsSim.IO;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;

namespace SanctionsSim.Cli.Commands;

/// <summary>
/// <c>sanctionssim docs record|render</c>: the documentation's numbers come from recorded runs (docs/results.md).
/// <c>record</c> re-runs the command a results file names and rewrites the file; <c>render</c> fills the templates of
/// docs/templates with the results and writes docs/*.md; <c>render --check</c> fails on a page that is not what its
/// template renders and on a results file recorded with another model (its fingerprint, <see cref="ModelFingerprint"/>).
/// </summary>
internal static class DocsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("docs", "The documentation's numbers: record a results file by re-running its command, render the pages from their templates, check that nothing is stale.");
        command.Subcommands.Add(Record(context));
        command.Subcommands.Add(Render(context));
        return command;
    }

    private static Option<DirectoryInfo?> DocsFolder() => new("--docs")
    {
        Description = "The docs folder (holding templates/ and results/); default: the nearest docs/ with a templates/ folder, from the current folder up.",
    };

    private static Command Render(CliContext context)
    {
        var check = new Option<bool>("--check") { Description = "Write nothing: exit 1, listing them, if a page differs from what its template renders or a results file is stale (another model, scenario or input, or the CI scale)." };
        var docs = DocsFolder();
        var command = new Command("render", "Render docs/templates/*.md with the numbers of docs/results/*.json into docs/*.md (atomically), or check that they are current.") { check, docs };
        command.SetAction(async (parse, token) =>
        {
            return await DocRecords.RenderAsync(DocRecords.FindDocs(parse.GetValue(docs)), parse.GetValue(check), context.Output, context.Error, token).ConfigureAwait(false);
        });
        return command;
    }

    private static Command Record(CliContext context)
    {
        var file = new Argument<FileInfo>("results-file") { Description = "The results file (docs/results/NAME.json) whose command is run." };
        var scale = new Option<string>("--scale") { Description = "full: run the file's command (what the docs must show); ci: run its smaller ciCommand (a quick check; render --check refuses such a file).", DefaultValueFactory = _ => "full" }
            .AcceptOnlyFromAmong("full", "ci");
        var commandLine = new Option<string?>("--command") { Description = "Set the file's command (creating the file if needed): a sanctionssim command line that writes JSON (--format json), quoted." };
        var ciCommand = new Option<string?>("--ci-command") { Description = "Set the file's smaller command for --scale ci." };
        var docs = DocsFolder();
        var command = new Command("record", "Run the command a results file names and rewrite the file atomically: the command, package version, model fingerprint, scenario and input hashes, seed, settings and the command's JSON output.")
        {
            file, scale, commandLine, ciCommand, docs,
        };
        command.SetAction(async (parse, token) =>
        {
            string path = parse.GetValue(file)!.FullName;
            string folder = parse.GetValue(docs) is { } d ? d.FullName : Path.GetDirectoryName(Path.GetDirectoryName(path))!;
            return await DocRecords.RecordAsync(path, folder, parse.GetValue(commandLine), parse.GetValue(ciCommand), parse.GetValue(scale)!, (args, output) => CliApp.RunAsync(args, output, context.Error, false, token), context.Error, token).ConfigureAwait(false);
        });
        return command;
    }
}
