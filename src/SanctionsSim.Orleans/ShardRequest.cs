using Orleans;

namespace SanctionsSim.Orleans;

/// <summary>One shard of a batch: the scenario (JSON) and its hash, the seed, the replication range and the threads to use on the silo; under a posterior, the posterior too (<see cref="PosteriorJson"/>). Internal, as <see cref="IShardGrain"/>: the runner builds it, its grain reads it.</summary>
/// <param name="ScenarioJson">The scenario as <see cref="Scenarios.ScenarioJson.Write(Model.Scenario)"/> writes it.</param>
/// <param name="ScenarioHash">Its SHA-256 (<see cref="Scenarios.ScenarioJson.Hash"/>); the grain checks it.</param>
/// <param name="Seed">The batch's seed.</param>
/// <param name="FirstReplication">The first replication of the shard.</param>
/// <param name="Replications">How many replications.</param>
/// <param name="Threads">Threads on the silo (−1: all its cores).</param>
[GenerateSerializer]
[Alias("SanctionsSim.ShardRequest")]
internal sealed record ShardRequest(
    [property: Id(0)] string ScenarioJson,
    [property: Id(1)] string ScenarioHash,
    [property: Id(2)] ulong Seed,
    [property: Id(3)] long FirstReplication,
    [property: Id(4)] long Replications,
    [property: Id(5)] int Threads)
{
    /// <summary>The posterior each replication draws its structure from, as <see cref="Calibration.AbcPopulation.WriteTo"/> writes it; null at the posterior medians (the library's defaults).</summary>
    [Id(6)]
    public string? PosteriorJson { get; init; }

    /// <summary>The posterior's SHA-256 (<see cref="Calibration.Posterior.Hash"/>), checked by the grain; null at the medians.</summary>
    [Id(7)]
    public string? PosteriorHash { get; init; }

    /// <summary>The grain key of this shard: scenario hash, the posterior's hash under a posterior, seed and range, so the same shard always reaches the same grain.</summary>
    public string Key => PosteriorHash is null
        ? $"{ScenarioHash}/{Seed}/{FirstReplication}+{Replications}"
        : $"{ScenarioHash}/posterior-{PosteriorHash}/{Seed}/{FirstReplication}+{Replications}";
}
