using SanctionsSim.Policy;

namespace SanctionsSim.Simulation;

/// <summary>
/// The sanctioning coalition: which senders are in (from a week, by a trigger on the defected share, or by
/// chance), which of their instruments are in force, which have escalated because defections stalled, and what
/// the instruments in force do each week through their <see cref="InstrumentEffect"/>s; with the senders' costs.
/// docs/model.md, §Coalition.
/// </summary>
internal sealed class CoalitionAgent
{
    private readonly SimulationPlan _plan;
    private readonly OppositionAgent _opposition;
    private readonly bool[] _joined;
    private readonly bool[] _active;
    private readonly bool[] _escalated;
    private readonly InstrumentWeek[] _week;
    private readonly int[] _reachCursor;
    private readonly double[] _reachCredit;

    public CoalitionAgent(SimulationPlan plan, OppositionAgent opposition)
    {
        _plan = plan;
        _opposition = opposition;
        _joined = new bool[plan.Senders.Length];
        int k = plan.Instruments.Length;
        _active = new bool[k];
        _escalated = new bool[k];
        _week = new InstrumentWeek[k];
        _reachCursor = new int[k];
        _reachCredit = new double[k];
    }

    /// <summary>Whether instrument <paramref name="k"/> is in force this week.</summary>
    public bool IsActive(int k) => _active[k];

    /// <summary>Whether instrument <paramref name="k"/> has escalated.</summary>
    public bool IsEscalated(int k) => _escalated[k];

    public void Reset()
    {
        Array.Clear(_joined);
        Array.Clear(_active);
        Array.Clear(_escalated);
        Array.Clear(_reachCursor);
        Array.Clear(_reachCredit);
    }

    /// <summary>
    /// Senders join (at their week, when the defected share reaches their trigger, or with their weekly
    /// probability); instruments of joined senders come into force on schedule; an instrument in force escalates
    /// once, from its escalation week, if the share is still below its threshold. Then each instrument's week:
    /// its strength, the alliance multiplier and its credibility.
    /// </summary>
    public void UpdateMembership(int week, double share, ulong key, RunMetrics metrics)
    {
        SenderPlan[] senders = _plan.Senders;
        for (int s = 0; s < senders.Length; s++)
        {
            if (_joined[s])
            {
                continue;
            }

            SenderPlan sender = senders[s];
            bool join = (sender.JoinWeek is int jw && week >= jw)
                || (sender.JoinWhenDefectedShareReaches is double t && share >= t)
                || (sender.JoinProbabilityPerWeek > 0 && DrawKey.Uniform(key, DrawPurpose.Join, week, s) < sender.JoinProbabilityPerWeek);
            if (join)
            {
                _joined[s] = true;
                metrics.SenderJoinWeek[s] = week;
            }
        }

        double allianceBoost = 0;
        for (int s = 0; s < senders.Length; s++)
        {
            if (_joined[s])
            {
                allianceBoost += senders[s].BiteMultiplierForOthers;
            }
        }

        InstrumentPlan[] instruments = _plan.Instruments;
        int recognising = 0;
        for (int k = 0; k < instruments.Length; k++)
        {
            InstrumentPlan ins = instruments[k];
            _active[k] = _joined[ins.Sender] && ins.Scheduled(week);
            if (_active[k] && !_escalated[k] && ins.EscalateAfterWeek is int ew && week >= ew && share < ins.EscalateBelowShare)
            {
                _escalated[k] = true;
            }

            recognising += _active[k] && ins.Effect.RecognisesOpposition ? 1 : 0;
        }

        double credibilityMultiplier = _opposition.CredibilityMultiplier(recognising);
        for (int k = 0; k < instruments.Length; k++)
        {
            InstrumentPlan ins = instruments[k];
            double strength = _escalated[k] ? ins.EscalationFactor : 1.0;
            double alliance = 1 + allianceBoost - (_joined[ins.Sender] ? senders[ins.Sender].BiteMultiplierForOthers : 0);
            _week[k] = new InstrumentWeek { Week = week, Strength = strength, AllianceMultiplier = alliance, Credibility = Math.Min(1.0, ins.Credibility * credibilityMultiplier) };
        }
    }

    /// <summary>The instruments in force cut revenue and reserves; each costs its sender its weekly cost times its strength.</summary>
    public void ApplyToEconomy(EconomyEffects economy, Span<double> senderCosts)
    {
        economy.Reset();
        InstrumentPlan[] instruments = _plan.Instruments;
        for (int k = 0; k < instruments.Length; k++)
        {
            if (_active[k])
            {
                InstrumentPlan ins = instruments[k];
                ins.Effect.ApplyToEconomy(in _week[k], economy);
                senderCosts[ins.Sender] += ins.SenderCostPerWeek * _week[k].Strength;
            }
        }
    }

    /// <summary>The instruments in force make their offers to the officers of their factions.</summary>
    public void ApplyToOffers(OfferEffects offers)
    {
        offers.Reset();
        InstrumentPlan[] instruments = _plan.Instruments;
        for (int k = 0; k < instruments.Length; k++)
        {
            if (_active[k])
            {
                offers.Target(instruments[k].FactionMask);
                instruments[k].Effect.ApplyToOffers(in _week[k], offers);
            }
        }

        offers.Target(null);
    }

    /// <summary>Contact campaigns in force reach officers in their order; fractions of an officer carry over to next week.</summary>
    /// <returns>How many officers were newly reached.</returns>
    public int Reach(OfficerCorps corps, ContactOrders orders)
    {
        int reached = 0;
        InstrumentPlan[] instruments = _plan.Instruments;
        for (int k = 0; k < instruments.Length; k++)
        {
            if (!_active[k] || instruments[k].Effect.ReachOrder is not Targeting targeting)
            {
                continue;
            }

            _reachCredit[k] += instruments[k].Effect.OfficersToReach(in _week[k]);
            ReadOnlySpan<int> order = orders.For(targeting);
            while (_reachCredit[k] >= 1.0 && _reachCursor[k] < order.Length)
            {
                if (corps.TryReach(order[_reachCursor[k]++], instruments[k].FactionMask))
                {
                    reached++;
                    _reachCredit[k] -= 1.0;
                }
            }
        }

        return reached;
    }

    /// <summary>What a defection costs the senders whose instruments in force pay defectors.</summary>
    public void ChargeDefection(bool reached, Span<double> senderCosts)
    {
        InstrumentPlan[] instruments = _plan.Instruments;
        for (int k = 0; k < instruments.Length; k++)
        {
            if (_active[k])
            {
                double cost = instruments[k].Effect.CostPerDefector(in _week[k], reached);
                if (cost != 0)
                {
                    senderCosts[instruments[k].Sender] += cost;
                }
            }
        }
    }
}
