namespace SanctionsSim.IO.Text;

/// <summary>Command lines as a person types them again: the arguments of a report's or a results file's command.</summary>
internal static class ShellWords
{
    /// <summary>A command-line argument as a shell reads it back: quoted when it holds a space or a quote.</summary>
    public static string Quote(string argument)
        => argument.Length > 0 && argument.All(ch => char.IsLetterOrDigit(ch) || "-_./=:,+@%".Contains(ch, StringComparison.Ordinal)) ? argument : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
