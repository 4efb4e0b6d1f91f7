using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Simulation;

/// <summary>Exogenous events: which happen in this replication (drawn once from the events stream), and what those in force do each week. docs/model.md, §Events.</summary>
internal sealed class EventSchedule
{
    private readonly EventPlan[] _events;
    private readonly bool[] _happens;

    public EventSchedule(EventPlan[] events)
    {
        _events = events;
        _happens = new bool[events.Length];
    }

    /// <summary>Σ of the perceived-share shocks in force this week.</summary>
    public double Shock { get; private set; }

    /// <summary>Product of the rank-and-file crossing multipliers in force this week.</summary>
    public double CrossingMultiplier { get; private set; }

    /// <summary>Σ of the coercion shocks in force this week (added to detection and reprisal).</summary>
    public double Coercion { get; private set; }

    /// <summary>The indices of the events that happen and are in force in <paramref name="week"/>.</summary>
    public IEnumerable<int> InForce(int week)
    {
        for (int e = 0; e < _events.Length; e++)
        {
            if (_happens[e] && _events[e].InForce(week))
            {
                yield return e;
            }
        }
    }

    public void Draw(RandomStream random)
    {
        for (int e = 0; e < _events.Length; e++)
        {
            _happens[e] = random.NextDouble() < _events[e].Probability;
        }
    }

    public void Week(int week)
    {
        double shock = 0, crossing = 1, coercion = 0;
        for (int e = 0; e < _events.Length; e++)
        {
            EventPlan ev = _events[e];
            if (_happens[e] && ev.InForce(week))
            {
                shock += ev.PerceivedShareShock;
                crossing *= ev.LowRankCrossingMultiplier;
                coercion += ev.CoercionShock;
            }
        }

        Shock = shock;
        CrossingMultiplier = crossing;
        Coercion = coercion;
    }
}
