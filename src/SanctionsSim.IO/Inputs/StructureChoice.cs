using System.Text.Json.Nodes;
using SanctionsSim.IO.Results;
using SanctionsSim.IO.Text;

namespace SanctionsSim.IO.Inputs;

/// <summary>
/// The one place that decides a command's structural parameters (#27 item 1, "honest by default"): drawn per run
/// from a posterior (the default: the calibration shipped with the package, or <c>--posterior FILE</c>), or held at
/// the posterior medians, the library's defaults (<c>--structure medians</c>, the results before 0.2.0). Every
/// output names the choice: <see cref="Json"/> for the JSON's <c>structure</c> field, <see cref="Line"/> under a
/// table, <see cref="Arguments"/> in an HTML report's command.
/// </summary>
/// <param name="Posterior">The posterior the runs draw from, or null at the medians.</param>
/// <param name="Name">'default' for the shipped posterior, the file given to --posterior, or 'medians'.</param>
internal sealed record StructureChoice(Calibration.Posterior? Posterior, string Name)
{
    /// <summary>The value of <c>--structure</c> that draws from a posterior.</summary>
    public const string PosteriorValue = "posterior";

    /// <summary>The value of <c>--structure</c> that holds the structure at the medians.</summary>
    public const string MediansValue = "medians";

    /// <summary>The structure at the medians.</summary>
    public static StructureChoice Medians { get; } = new(null, MediansValue);

    /// <summary>Whether the runs draw their structure from a posterior.</summary>
    public bool IsPosterior => Posterior is not null;

    /// <summary>
    /// The choice made by <c>--structure</c> (<paramref name="structure"/>) and <c>--posterior</c> (<paramref name="file"/>): the shipped posterior unless
    /// told <c>--structure medians</c>; <c>--posterior FILE</c> names another posterior (and contradicts <c>medians</c>).
    /// </summary>
    public static StructureChoice Resolve(string? structure, string? file)
    {
        if (structure == MediansValue)
        {
            if (file is not null)
            {
                throw new UserInputException($"--posterior '{file}' draws the structure from a posterior, --structure medians holds it at the medians: give one of them.");
            }

            return Medians;
        }

        string name = file ?? "default";
        return new StructureChoice(InputFiles.LoadPosterior(name), name);
    }

    /// <summary>The JSON's <c>structure</c> field: which structure the runs used, with the posterior's identity.</summary>
    public JsonObject Json()
    {
        if (Posterior is not { } p)
        {
            return new JsonObject
            {
                ["source"] = MediansValue,
                ["note"] = "every run at the posterior medians of the shipped calibration (the library's defaults); the intervals leave out the structural uncertainty",
            };
        }

        var o = new JsonObject { ["source"] = PosteriorValue, ["posterior"] = Name };
        foreach (var (key, value) in SummaryJson.Posterior(p))
        {
            o[key] = value?.DeepClone();
        }

        return o;
    }

    /// <summary>The line under a table.</summary>
    public string Line() => Posterior is { } p
        ? SummaryJson.PosteriorLine(p) + (Name == "default" ? " (--structure medians: at the medians instead.)" : "")
        : "Structural parameters held at the posterior medians (--structure medians): the intervals leave out the structural uncertainty; without the option each run draws them from the shipped posterior.";

    /// <summary>The options that reproduce the choice, for a report's command ("" for the default).</summary>
    public string Arguments() => Posterior is null ? " --structure medians" : Name == "default" ? "" : " --posterior " + ShellWords.Quote(Name);
}
