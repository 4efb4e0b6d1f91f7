using SanctionsSim.Model;
using SanctionsSim.Scenarios;

namespace SanctionsSim.IO;

/// <summary>Scenario files on disk.</summary>
public static class ScenarioFile
{
    /// <summary>Writes a scenario file atomically (a temporary file, flushed, then renamed over the target), so a crash leaves the old file or the new one, never a torn one.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="scenario">The scenario.</param>
    public static void Write(string path, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(path);
        AtomicFile.WriteAllText(path, ScenarioJson.Write(scenario));
    }

    /// <summary>Reads and validates a scenario file (the same as <see cref="ScenarioJson.ReadFile"/>).</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ScenarioValidationException">The file is missing, not JSON, or invalid; every problem with its JSON path.</exception>
    public static Scenario Read(string path) => ScenarioJson.ReadFile(path);
}
