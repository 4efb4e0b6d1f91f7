using System.CommandLine;
using SanctionsSim.IO;
using SanctionsSim.Scenarios;
using SanctionsSim.Scenarios.Cases;
using Spectre.Console;

namespace SanctionsSim.Cli.Commands;

/// <summary><c>sanctionssim validate FILE</c>.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The scenario file to check." };
        var command = new Command("validate", "Check a scenario file: every problem is listed with its JSON path, the bad value and what is allowed.") { file };
        command.SetAction(async (parse, token) =>
        {
            FileInfo path = parse.GetValue(file)!;
            var errors = ScenarioJson.TryReadFile(path.FullName, out var scenario);
            if (errors.Count == 0)
            {
                await context.Output.WriteLineAsync($"{path.Name}: valid scenario '{scenario!.Name}' ({scenario.Factions.Count} factions, {scenario.Coalition.Count} senders, {scenario.Weeks} weeks).").ConfigureAwait(false);
                return CliApp.Success;
            }

            await context.Error.WriteLineAsync($"{path.Name}: {errors.Count} problem(s):").ConfigureAwait(false);
            foreach (var error in errors)
            {
                await context.Error.WriteLineAsync("  " + error).ConfigureAwait(false);
            }

            return CliApp.BadInput;
        });
        return command;
    }
}

/// <summary><c>sanctionssim init [--preset NAME] FILE</c>.</summary>
internal static class InitCommand
{
    /// <summary>The schema file written beside the scenario and named by its <c>$schema</c>.</summary>
    public const string SchemaFileName = "scenario.schema.json";

    public static Command Create(CliContext context)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Where to write the scenario (JSON)." };
        var preset = new Option<string>("--preset", "-p") { Description = "The preset to start from.", DefaultValueFactory = _ => Presets.Default };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file." };
        var full = new Option<bool>("--full") { Description = "Write every field, defaults included (without it: a short file of what differs from the defaults, the levers first, with comments)." };
        var command = new Command("init", "Write a preset to a scenario file to start from: a short file with comments pointing at the levers (--full: every field).") { file, preset, full, force };
        command.SetAction(async (parse, token) =>
        {
            FileInfo path = parse.GetValue(file)!;
            string name = parse.GetValue(preset)!;
            if (!Presets.Names.Contains(name))
            {
                string? guess = SanctionsSim.Internal.Suggest.Closest(name, Presets.Names);
                throw new UserInputException($"--preset: no preset named '{name}'" + (guess is null ? $"; presets: {string.Join(", ", Presets.Names)}." : $"; did you mean '{guess}'?"));
            }

            if (path.Exists && !parse.GetValue(force))
            {
                throw new UserInputException($"{path.FullName} exists; pass --force to overwrite it.");
            }

            // the file names its JSON Schema, written beside it, so that editors complete and check its fields
            string schemaPath = Path.Combine(path.DirectoryName ?? ".", SchemaFileName);
            string text;
            if (parse.GetValue(full))
            {
                text = ShortScenario.WriteFull(Presets.Get(name), SchemaFileName);
            }
            else
            {
                text = ShortScenario.Write(Presets.Get(name), SchemaFileName, name);
            }

            AtomicFile.WriteAllText(path.FullName, text);
            AtomicFile.WriteAllText(schemaPath, ScenarioJson.GetJsonSchema());
            int lines = text.Count(ch => ch == '\n');
            await context.Output.WriteLineAsync($"wrote {name} to {path.FullName} ({lines} lines{(parse.GetValue(full) ? ", every field" : ": what differs from the defaults, the levers first; --full writes every field")}), and its JSON Schema to {schemaPath} (editors use it to complete and check fields)").ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }
}

/// <summary><c>sanctionssim presets</c>.</summary>
internal static class PresetsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("presets", "List the built-in scenarios and what each represents.");
        command.SetAction(parse =>
        {
            var table = new TextTable().Left("preset").Left("description");
            foreach (string name in Presets.Names)
            {
                table.Row(name, Presets.Describe(name));
            }

            Common.Console(context.Output, context.Interactive).Write(Common.Draw(table));
            return CliApp.Success;
        });
        return command;
    }
}

/// <summary><c>sanctionssim schema</c>.</summary>
internal static class SchemaCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("schema", "Print the JSON Schema of scenario files.");
        command.SetAction(async (parse, token) =>
        {
            await context.Output.WriteAsync(ScenarioJson.GetJsonSchema()).ConfigureAwait(false);
            return CliApp.Success;
        });
        return command;
    }
}
