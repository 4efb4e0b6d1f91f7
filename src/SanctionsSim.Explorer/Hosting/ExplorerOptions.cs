using SanctionsSim.Analysis;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation;
using SanctionsSim.Simulation.Trace;

namespace SanctionsSim.Explorer.Hosting;

/// <summary>How the explorer is served and how much work one request may do.</summary>
/// <remarks>
/// The explorer does not know how the command-line tool words its reports: the tool hands it the function that
/// writes the HTML report of a comparison and the one that says what happened in a week of a run's story, so the
/// page and the commands say the same things in the same words.
/// </remarks>
public sealed class ExplorerOptions
{
    /// <summary>The address to listen on. The default value is 127.0.0.1 (this machine only).</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>The port to listen on, or 0 for any free port. The default value is 5290.</summary>
    public int Port { get; set; } = 5290;

    /// <summary>The most replications one request may run (paired runs of a comparison). The default value is 20,000.</summary>
    public long MaxReplications { get; set; } = 20_000;

    /// <summary>The longest one request may compute before it stops with what finished. The default value is 60 seconds.</summary>
    public TimeSpan MaxComputeTime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The largest scenario file the page accepts, in bytes. The default value is 1 MiB.</summary>
    public int MaxScenarioBytes { get; set; } = 1024 * 1024;

    /// <summary>Worker threads for a batch, or −1 for one per core. Results never depend on it. The default value is −1.</summary>
    public int Threads { get; set; } = -1;

    /// <summary>Writes the self-contained HTML report of a comparison (the tool's <c>compare --report</c>).</summary>
    public required Func<MonteCarloResult<ComparisonSummary>, IReadOnlyList<Scenario>, string> ComparisonReport { get; init; }

    /// <summary>Says what happened in a week of a run's story, given the week before it (null for the first): the tool's <c>trace</c> column.</summary>
    public required Func<TraceWeek?, TraceWeek, SanctionsSim.Model.OutcomeType, string> DescribeWeek { get; init; }

    /// <summary>Checks the options; the messages name the option, the value and what is allowed.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"--port must be in [0, 65535]; got {Port}.");
        }

        if (!System.Net.IPAddress.TryParse(Host, out _) && Host != "localhost")
        {
            throw new ArgumentException($"--host must be an IP address or localhost; got '{Host}'.");
        }

        if (MaxReplications is < 1 or > 10_000_000)
        {
            throw new ArgumentException($"--max-runs must be in [1, 10000000]; got {MaxReplications}.");
        }

        if (!(MaxComputeTime > TimeSpan.Zero && MaxComputeTime <= TimeSpan.FromHours(1)))
        {
            throw new ArgumentException($"--max-seconds must be in (0, 3600]; got {MaxComputeTime.TotalSeconds}.");
        }

        if (MaxScenarioBytes is < 1024 or > ScenarioJsonLimit)
        {
            throw new ArgumentException($"The scenario size limit must be in [1024, {ScenarioJsonLimit}] bytes; got {MaxScenarioBytes}.");
        }

        if (Threads is not (-1 or (>= 1 and <= 1024)))
        {
            throw new ArgumentException($"--threads must be -1 (all cores) or in [1, 1024]; got {Threads}.");
        }
    }

    private const int ScenarioJsonLimit = Scenarios.ScenarioJson.MaxBytes;
}
