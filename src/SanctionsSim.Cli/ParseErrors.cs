using System.CommandLine;
using System.Text.RegularExpressions;
using SanctionsSim.Internal;

namespace SanctionsSim.Cli;

/// <summary>
/// Parse errors in words a user can act on: an unknown option or command gets the closest known one
/// ("did you mean"), a value of the wrong type is named without .NET type names, a missing argument says what to
/// type. Every message names what to type instead.
/// </summary>
internal static partial class ParseErrors
{
    /// <summary>Options people reach for that are arguments here: the scenario file is given as such.</summary>
    private static readonly string[] FileOptions = ["--scenario", "--file", "--input", "--scenario-file"];

    /// <summary>Problems with the tokens themselves (unknown commands and options), found before System.CommandLine's own errors.</summary>
    /// <param name="root">The root command.</param>
    /// <param name="args">The command line.</param>
    /// <returns>One message per problem; empty when every option is known.</returns>
    public static List<string> UnknownTokens(Command root, string[] args)
    {
        var problems = new List<string>();
        if (args.Length == 0)
        {
            return problems;
        }

        // descend through the subcommands named (run; cascade watts …); a word where a subcommand is expected is a typo
        Command command = root;
        int start = 0;
        string path = string.Empty;
        while (start < args.Length && command.Subcommands.FirstOrDefault(c => c.Name == args[start] || c.Aliases.Contains(args[start])) is { } sub)
        {
            command = sub;
            path = path.Length == 0 ? sub.Name : path + " " + sub.Name;
            start++;
        }

        if (command.Subcommands.Count > 0 && start < args.Length && !args[start].StartsWith('-'))
        {
            string prefix = path.Length == 0 ? string.Empty : path + " ";
            string? guess = Suggest.Closest(args[start], command.Subcommands.Select(c => c.Name));
            problems.Add($"unknown command '{prefix}{args[start]}'" + (guess is null
                ? $"; the commands are {string.Join(", ", command.Subcommands.Select(c => prefix + c.Name))}."
                : $"; did you mean '{prefix}{guess}'? (sanctionssim {prefix}{guess} --help)"));
            return problems;
        }

        var known = command.Options.Concat(root.Options).SelectMany(o => o.Aliases.Prepend(o.Name)).ToHashSet(StringComparer.Ordinal);
        bool takesFile = command.Arguments.Count > 0;
        for (int i = start; i < args.Length; i++)
        {
            string token = args[i];
            if (token == "--")
            {
                break;
            }

            if (!token.StartsWith('-') || NumberLike().IsMatch(token))
            {
                continue;
            }

            string name = token.Split('=', 2)[0];
            if (known.Contains(name))
            {
                continue;
            }

            if (takesFile && FileOptions.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                string file = i + 1 < args.Length ? args[i + 1] : "my.json";
                problems.Add($"unknown option '{name}': give the scenario file itself, as in 'sanctionssim {path} {file}'.");
                i++; // the file that followed is part of this mistake
                continue;
            }

            string? closest = Suggest.Closest(name, command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)));
            problems.Add($"unknown option '{name}' for '{path}'" + (closest is null ? $"; 'sanctionssim {path} --help' lists the options." : $"; did you mean '{closest}'?"));
            if (i + 1 < args.Length && !args[i + 1].StartsWith('-'))
            {
                i++; // its value
            }
        }

        return problems;
    }

    /// <summary>System.CommandLine's parse errors, reworded.</summary>
    /// <param name="parsed">The parse result.</param>
    /// <returns>One message per error.</returns>
    public static IEnumerable<string> Reword(ParseResult parsed)
    {
        string command = parsed.CommandResult.Command.Name;
        foreach (var error in parsed.Errors)
        {
            string message = error.Message;
            Match type = WrongType().Match(message);
            if (type.Success)
            {
                string option = type.Groups["option"].Value, value = type.Groups["value"].Value;
                yield return $"{option}: '{value}' is not {Expected(type.Groups["type"].Value)}; for example {option} {Example(type.Groups["type"].Value)}.";
                continue;
            }

            if (message.StartsWith("Required argument missing", StringComparison.Ordinal))
            {
                yield return command == "compare"
                    ? "compare needs at least two scenarios, a reference then one or more alternatives: for example 'sanctionssim compare venezuela-2019 venezuela-2019-amnesty'."
                    : $"'{command}' needs its argument: 'sanctionssim {command} --help' shows it.";
                continue;
            }

            yield return message;
        }
    }

    private static string Expected(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.UInt64" or "System.UInt32" => "a whole number ≥ 0",
        "System.Double" => "a number",
        "System.Boolean" => "true or false",
        _ when type.Contains("FileInfo", StringComparison.Ordinal) => "a file path",
        _ when type.Contains("DirectoryInfo", StringComparison.Ordinal) => "a folder path",
        _ => "a valid value",
    };

    private static string Example(string type) => type switch
    {
        "System.Double" => "0.95",
        "System.Boolean" => "true",
        _ => "1000",
    };

    [GeneratedRegex(@"^-\d")]
    private static partial Regex NumberLike();

    [GeneratedRegex(@"Cannot parse argument '(?<value>.*)' for option '(?<option>[^']*)' as expected type '(?<type>[^']*)'")]
    private static partial Regex WrongType();
}
