using SanctionsSim.Explorer.Packages;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Explorer.Estimates;

/// <summary>
/// Runs the baseline and the package on common random numbers in growing chunks of replications (50, then as many
/// again as are done, at most 1,000 at a time) and hands out the running total after each: the page's interval
/// narrows as they come. The chunks are consecutive replication ranges of one seed merged in order, so the total
/// after n replications is exactly <c>compare --runs n</c> with the same seed. Each outcome type's paired difference
/// comes with it (<see cref="OutcomeComparison"/>).
/// </summary>
internal static class ComparisonRun
{
    public const double Confidence = 0.95;

    /// <summary>Runs up to <paramref name="replications"/>; stops early, keeping what finished, when <paramref name="token"/> fires.</summary>
    public static async Task<MonteCarloResult<OutcomeComparison.Summary>> RunAsync(Package package, long replications, ulong seed, int threads, Func<MonteCarloResult<OutcomeComparison.Summary>, Task>? onChunk, CancellationToken token)
    {
        var comparison = new OutcomeComparison(package.Arms);
        OutcomeComparison.Summary total = comparison.CreateSummary();
        long done = 0;
        var reason = StopReason.Completed;
        while (done < replications)
        {
            long chunk = Math.Min(replications - done, Math.Clamp(done, 50, 1000));
            var options = new MonteCarloOptions { FirstReplication = done, Replications = chunk, Seed = seed, MaxDegreeOfParallelism = threads, Confidence = Confidence };
            MonteCarloResult<OutcomeComparison.Summary> part = await Task.Run(() => new MonteCarloRunner(options).Run(comparison, null, token), CancellationToken.None).ConfigureAwait(false);
            total = total.Combine(part.Summary);
            done += part.Replications;
            if (part.IsPartial)
            {
                reason = StopReason.Cancelled;
                break;
            }

            if (onChunk is not null && done < replications)
            {
                await onChunk(new MonteCarloResult<OutcomeComparison.Summary>(total, seed, 0, done, StopReason.Completed, Confidence)).ConfigureAwait(false);
            }
        }

        return new MonteCarloResult<OutcomeComparison.Summary>(total, seed, 0, done, reason, Confidence);
    }
}
