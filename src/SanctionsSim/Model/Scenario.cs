using System.ComponentModel.DataAnnotations;
using SanctionsSim.Policy;

namespace SanctionsSim.Model;

/// <summary>
/// A complete sanctions-and-defection scenario: the armed forces' factions and their ties, the regime, the
/// sanctioning coalition with its instruments, the opposition, exogenous events, how officers decide and when
/// the regime collapses. Build one in C#, start from a preset (<c>Presets</c>), or read one from JSON.
/// </summary>
/// <threadsafety>Immutable.</threadsafety>
public sealed record Scenario
{
    /// <summary>A short name, used in reports.</summary>
    public required string Name { get; init; }

    /// <summary>What the scenario represents.</summary>
    public string Description { get; init; } = "";

    /// <summary>The horizon in weeks.</summary>
    /// <value>The default value is 52. Range: 1 to 10,000.</value>
    [Range(1, 10_000)]
    public int Weeks { get; init; } = 52;

    /// <summary>The factions (branches) of the armed forces; names unique.</summary>
    public required IReadOnlyList<Faction> Factions { get; init; }

    /// <summary>The officers' network.</summary>
    public OfficerNetwork Network { get; init; } = new();

    /// <summary>The regime.</summary>
    public Regime Regime { get; init; } = new();

    /// <summary>The sanctioning coalition; names unique.</summary>
    public IReadOnlyList<Sender> Coalition { get; init; } = [];

    /// <summary>The regime's outside patrons (black knights); names unique and distinct from the senders'.</summary>
    public IReadOnlyList<Patron> Patrons { get; init; } = [];

    /// <summary>The opposition.</summary>
    public Opposition Opposition { get; init; } = new();

    /// <summary>Exogenous events.</summary>
    public IReadOnlyList<ExogenousEvent> Events { get; init; } = [];

    /// <summary>The officers' decision model.</summary>
    public DecisionModel Decision { get; init; } = new();

    /// <summary>The collapse rule.</summary>
    public CollapseRule Collapse { get; init; } = new();

    /// <summary>The high command: the top brass who may remove the ruler together (off by default).</summary>
    public HighCommand HighCommand { get; init; } = new();

    /// <summary>The amnesty as what it is: conditional on protection, in place of the prosecution term, believed per officer (off by default).</summary>
    public ConditionalAmnesty ConditionalAmnesty { get; init; } = new();

    /// <summary>Repression that can backfire on the units ordered to carry it out (off by default).</summary>
    public RepressionBackfire RepressionBackfire { get; init; } = new();

    /// <summary>Protest participation as a share of the population, with feedback from defections and repression (off by default).</summary>
    public Mobilisation Mobilisation { get; init; } = new();

    /// <summary>Checks the whole scenario, reporting every problem at once.</summary>
    /// <exception cref="ScenarioValidationException">At least one field is invalid; <see cref="ScenarioValidationException.Errors"/> lists each with its JSON path.</exception>
    public void Validate()
    {
        var errors = ScenarioValidator.Validate(this);
        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }
    }
}
