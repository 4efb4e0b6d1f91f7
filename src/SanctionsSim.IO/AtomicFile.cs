using System.Text;

namespace SanctionsSim.IO;

/// <summary>
/// Atomic file writes: the bytes go to a temporary file in the target's folder, are flushed to disk, and the
/// temporary file is renamed over the target. A crash leaves either the old file or the new one, never a torn
/// one. Every file the library, the plots and the command line write goes through here. Internal: a helper of our
/// own writers (the plots and the command line see it through <c>InternalsVisibleTo</c>), nothing a user of the
/// package's results needs; <see cref="ScenarioFile.Write"/> and <see cref="SweepDirectory"/> write through it.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes text as UTF-8 (no byte order mark), atomically.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="text">The text.</param>
    public static void WriteAllText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));
    }

    /// <summary>
    /// Deletes the temporary files that interrupted atomic writes left in <paramref name="folder"/> (named
    /// <c>.NAME.PID.GUID.tmp</c>; a process killed between writing one and renaming it leaves it behind). Call it
    /// before resuming work in a folder no other process is writing to.
    /// </summary>
    /// <param name="folder">The folder (nothing happens if it does not exist).</param>
    /// <returns>How many files were deleted.</returns>
    public static int RemoveTemporaries(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        int removed = 0;
        foreach (string file in Directory.EnumerateFiles(folder, ".*.tmp"))
        {
            string[] parts = Path.GetFileName(file).Split('.');
            if (parts.Length >= 5 && int.TryParse(parts[^3], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _) && parts[^2].Length == 32)
            {
                File.Delete(file);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Writes bytes atomically, creating the folder if needed.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="bytes">The bytes.</param>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
