using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SanctionsSim.IO;
using SanctionsSim.Model;
using SanctionsSim.Scenarios.Cases;
using Spectre.Console;

namespace SanctionsSim.Cli.Commands;

/// <summary>
/// <c>sanctionssim cases</c>: the case base (list, show), coding a case from its facts under the frozen rules
/// (code), checking case files against their rules (check) and rendering docs/cases.md (docs).
/// </summary>
internal static class CasesCommand
{
    public static Command Create(CliContext context)
    {
        var format = Common.Format("table", "json");
        var command = new Command("cases", "The historical case base: every case with its outcome type, week 0, regime type and sources (docs/cases.md). Run one with run --preset NAME.") { format };
        command.SetAction(async (parse, token) =>
        {
            if (parse.GetValue(format) == "json")
            {
                await context.Output.WriteLineAsync(PageJson.Text(CasesPage.List())).ConfigureAwait(false);
                return CliApp.Success;
            }

            Common.Console(context.Output, context.Interactive).Write(Common.Draw(CasesPage.Table()));
            await context.Output.WriteLineAsync(CasesPage.Counts()).ConfigureAwait(false);
            return CliApp.Success;
        });
        command.Subcommands.Add(Show(context));
        command.Subcommands.Add(Code(context));
        command.Subcommands.Add(Check(context));
        command.Subcommands.Add(Docs(context));
        return command;
    }

    private static Command Show(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "A case's name (sanctionssim cases lists them)." };
        var command = new Command("show", "One case: what happened, the coded scenario's factions and events, and the facts drawn within ranges.") { name };
        command.SetAction(async (parse, token) =>
        {
            var c = CaseBase.Get(parse.GetValue(name)!);
            var (before, after) = CasesPage.Show(c);
            await context.Output.WriteAsync(before).ConfigureAwait(false);
            Common.Console(context.Output, context.Interactive).Write(Common.Draw(CasesPage.Factions(c)));
            await context.Output.WriteAsync(after).ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }

    private static Command Code(CliContext context)
    {
        var file = new Argument<FileInfo>("FACTS") { Description = "A case's facts (docs/cases.md, §Facts), or a case file whose facts to recode." };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write the case file here (else to standard output)." };
        var version = new Option<string?>("--rules") { Description = "The coding rules' version (default: the newest)." };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file." };
        var command = new Command("code", "Code a case from its facts under the frozen coding rules: the scenario, the ranges drawn per replication and the observation, as a case file.") { file, output, version, force };
        command.SetAction(async (parse, token) =>
        {
            FileInfo path = parse.GetValue(file)!;
            JsonObject facts = InputFiles.ReadCaseJson(path);
            if (facts["facts"] is JsonObject inner)
            {
                facts = (JsonObject)inner.DeepClone();
            }

            string? v = parse.GetValue(version);
            CodingRules rules;
            try
            {
                rules = v is null ? CodingRules.Latest : CodingRules.Get(v);
            }
            catch (ArgumentException e)
            {
                throw new UserInputException("--rules: " + e.Message);
            }

            CaseFile coded;
            try
            {
                coded = CaseFile.Code(facts, rules);
            }
            catch (ScenarioValidationException e)
            {
                throw new UserInputException($"{path.Name}: {e.Errors.Count} problem(s):\n  " + string.Join("\n  ", e.Errors));
            }

            string json = coded.ToJson();
            if (parse.GetValue(output) is FileInfo target)
            {
                if (target.Exists && !parse.GetValue(force))
                {
                    throw new UserInputException($"{target.FullName} exists; pass --force to overwrite it.");
                }

                AtomicFile.WriteAllText(target.FullName, json);
                await context.Output.WriteLineAsync($"coded {coded.Name} under the coding rules v{rules.Version}: {coded.Scenario.Factions.Count} factions, {coded.Scenario.Events.Count} events, {coded.Ranges.Count} facts drawn within ranges, outcome {CasesPage.Outcome(coded.Observation)}; wrote {target.FullName}").ConfigureAwait(false);
            }
            else
            {
                await context.Output.WriteAsync(json).ConfigureAwait(false);
            }

            return CliApp.Success;
        });
        return command;
    }

    private static Command Check(CliContext context)
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "Case files to check (none: the shipped case base).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("check", "Check that case files follow their coding rules: each case is recoded from its facts and every coded field that differs is listed.") { files };
        command.SetAction(async (parse, token) =>
        {
            var given = parse.GetValue(files) ?? [];
            var cases = given.Length == 0 ? CaseBase.All.Select(c => (Label: c.Name, Case: c)).ToList() : [.. given.Select(f => (Label: f.Name, Case: InputFiles.ReadCaseFile(f)))];
            int bad = 0;
            foreach (var (label, c) in cases)
            {
                var differences = c.CheckAgainstRules();
                if (c.RulesVersion is null)
                {
                    await context.Output.WriteLineAsync($"{label}: no facts, not checked against the rules").ConfigureAwait(false);
                }
                else if (differences.Count == 0)
                {
                    await context.Output.WriteLineAsync($"{label}: follows the coding rules v{c.RulesVersion}").ConfigureAwait(false);
                }
                else
                {
                    bad++;
                    await context.Error.WriteLineAsync($"{label}: {differences.Count} field(s) do not follow from its facts under the coding rules v{c.RulesVersion}:").ConfigureAwait(false);
                    foreach (string d in differences)
                    {
                        await context.Error.WriteLineAsync("  " + d).ConfigureAwait(false);
                    }
                }
            }

            return bad == 0 ? CliApp.Success : CliApp.BadInput;
        });
        return command;
    }

    private static Command Docs(CliContext context)
    {
        var output = new Option<DirectoryInfo?>("--out", "-o") { Description = "Write cases.md and coding-rules.md into this folder (else cases.md to standard output)." };
        var command = new Command("docs", "Render docs/cases.md from the case base and docs/coding-rules.md from the rules (the tests check the committed pages are current).") { output };
        command.SetAction(async (parse, token) =>
        {
            if (parse.GetValue(output) is DirectoryInfo folder)
            {
                folder.Create();
                AtomicFile.WriteAllText(Path.Combine(folder.FullName, "cases.md"), CasesPage.Render());
                AtomicFile.WriteAllText(Path.Combine(folder.FullName, "coding-rules.md"), RulesPage.Render());
                await context.Output.WriteLineAsync($"wrote cases.md and coding-rules.md in {folder.FullName}").ConfigureAwait(false);
            }
            else
            {
                await context.Output.WriteAsync(CasesPage.Render()).ConfigureAwait(false);
            }

            return CliApp.Success;
        });
        return command;
    }
}
