using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Simulation.Actors;

/// <summary>Exogenous events: which happen in this replication (drawn once from the events stream), and what those in force do each week. docs/model.md, §Events.</summary>
internal sealed class EventSchedule
{
    private readonly EventPlan[] _events;
    private readonly bool[] _happens;
    private readonly bool[] _ordered;

    public EventSchedule(EventPlan[] events, int factions = 0)
    {
        _events = events;
        _happens = new bool[events.Length];
        _ordered = new bool[factions];
    }

    /// <summary>With the backfire on: whether faction f is ordered to carry out a crackdown in force this week (Eq. 23).</summary>
    public ReadOnlySpan<bool> Ordered => _ordered;

    /// <summary>With mobilisation on: the largest mobilised participation share p_{e,t} of the events in force this week (Eq. 24; 0 when none gives one).</summary>
    public double Participation { get; private set; }

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

    /// <summary>
    /// The week with the revised mechanisms (docs/model.md, §2d–2e): with the backfire on, which factions are ordered
    /// to carry out a crackdown in force; with mobilisation on, an event that gives its participation shocks by
    /// Eq. 25 at its mobilised share p_{e,t} = min(1, p_e · exp(φ_s·s + φ_c·C_t)) (Eq. 24), C_t the coercion of the
    /// crackdowns in force and s last week's defected share, instead of its own shock. With both off it is
    /// <see cref="Week(int)"/>.
    /// </summary>
    public void Week(int week, double share, MechanismsPlan m)
    {
        if (!m.Backfire && !m.Mobilisation)
        {
            Week(week);
            return;
        }

        double shock = 0, crossing = 1, coercion = 0, repression = 0;
        Array.Clear(_ordered);
        for (int e = 0; e < _events.Length; e++)
        {
            EventPlan ev = _events[e];
            if (_happens[e] && ev.InForce(week))
            {
                shock += m.Mobilisation && ev.Participation > 0 ? 0 : ev.PerceivedShareShock;
                crossing *= ev.LowRankCrossingMultiplier;
                coercion += ev.CoercionShock;
                if (ev.IsCrackdown)
                {
                    repression += ev.CoercionShock;
                    if (m.Backfire)
                    {
                        for (int f = 0; f < _ordered.Length; f++)
                        {
                            _ordered[f] |= ev.OrderedMask is null || ev.OrderedMask[f];
                        }
                    }
                }
            }
        }

        double participation = 0;
        if (m.Mobilisation)
        {
            double growth = Math.Exp((m.DefectionFeedback * share) + (m.RepressionFeedback * repression));
            for (int e = 0; e < _events.Length; e++)
            {
                EventPlan ev = _events[e];
                if (_happens[e] && ev.InForce(week) && ev.Participation > 0)
                {
                    double p = Math.Min(1.0, ev.Participation * growth);
                    participation = Math.Max(participation, p);
                    shock += ProtestShock(p, m.ShockPerTenfold, m.ThresholdShare);
                }
            }
        }

        Shock = shock;
        CrossingMultiplier = crossing;
        Coercion = coercion;
        Participation = participation;
    }

    /// <summary>Eq. 25 (coding rule PR1): κ_p · log₁₀(p / p₀) for a participation share p ≥ p₀, else 0.</summary>
    public static double ProtestShock(double participation, double perTenfold, double threshold)
        => participation >= threshold ? perTenfold * Math.Log10(participation / threshold) : 0;
}
