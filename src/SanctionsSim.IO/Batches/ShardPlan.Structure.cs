using System.Text.Json.Nodes;
using SanctionsSim.IO.Inputs;

namespace SanctionsSim.IO.Batches;

/// <summary>
/// The structure a plan's shards run under (#27 item 1): recorded in plan.json as the single-machine command's JSON
/// writes it (<see cref="StructureChoice.Json"/>: the source, the posterior's name, SHA-256 hash and particles), with a
/// posterior file's absolute <c>path</c> so every shard finds it again, and checked by hash when a shard loads it.
/// </summary>
internal sealed partial class ShardPlan
{
    private StructureChoice? _structure;

    /// <summary>Whether plan.json records the structure; a plan written before it did runs at the medians (<see cref="Structure"/>).</summary>
    public bool RecordsStructure => Json["structure"] is JsonObject;

    /// <summary>
    /// The structure the plan's shards run under: <c>medians</c>, the shipped posterior, or a posterior file found
    /// again at its recorded path with its recorded hash. A plan that records none (written before 0.2.0 recorded
    /// the structure) runs at the medians, as it was planned; <see cref="RecordsStructure"/> says so.
    /// </summary>
    /// <returns>The structure.</returns>
    /// <exception cref="FolderStateException">The posterior file is gone, or its hash is no longer the one the plan was made with.</exception>
    public StructureChoice Structure() => _structure ??= LoadStructure();

    /// <summary>The identity of the structure written into each shard's header: <c>medians</c> or <c>posterior SHA-256</c>.</summary>
    public string StructureKey => Json["structure"] is JsonObject s && s["source"]?.GetValue<string>() == StructureChoice.PosteriorValue
        ? "posterior " + s["hash"]?.GetValue<string>()
        : StructureChoice.MediansValue;

    /// <summary>The structure as plan.json records it: the JSON of <see cref="StructureChoice.Json"/>, and a posterior file's absolute path.</summary>
    /// <param name="structure">The structure.</param>
    /// <returns>The plan's <c>structure</c> field.</returns>
    public static JsonObject StructureJson(StructureChoice structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        JsonObject json = structure.Json();
        if (structure.IsPosterior && structure.Name != "default")
        {
            json["path"] = Path.GetFullPath(structure.Name);
        }

        return json;
    }

    private StructureChoice LoadStructure()
    {
        if (Json["structure"] is not JsonObject s || s["source"]?.GetValue<string>() == StructureChoice.MediansValue)
        {
            return StructureChoice.Medians;
        }

        if (s["source"]?.GetValue<string>() != StructureChoice.PosteriorValue || s["posterior"]?.GetValue<string>() is not string name || s["hash"]?.GetValue<string>() is not string hash)
        {
            throw new FolderStateException($"{PlanPath}: its 'structure' is neither the medians nor a posterior with a name and a hash; the plan was edited: plan again.");
        }

        Calibration.Posterior posterior;
        string where;
        if (name == "default")
        {
            posterior = Calibration.Posterior.Default;
            where = "the posterior shipped with this package";
        }
        else
        {
            where = s["path"]?.GetValue<string>() ?? name;
            if (!File.Exists(where))
            {
                throw new FolderStateException($"{PlanPath} was planned under the posterior {where} (SHA-256 {hash}), which is not there: make that file reachable at that path on every machine that runs a shard, or plan again.");
            }

            try
            {
                posterior = InputFiles.LoadPosterior(where)!;
            }
            catch (UserInputException e)
            {
                throw new FolderStateException($"{PlanPath} was planned under the posterior {where} (SHA-256 {hash}), which no longer reads as a posterior: {e.Message}", e);
            }
        }

        return posterior.Hash == hash
            ? new StructureChoice(posterior, name)
            : throw new FolderStateException($"{PlanPath} was planned under the posterior {where} with SHA-256 {hash}; it now has SHA-256 {posterior.Hash}: its shards would not be those of the plan. Restore the posterior the plan was made with, or plan again.");
    }
}
