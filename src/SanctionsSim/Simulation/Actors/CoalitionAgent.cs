using SanctionsSim.Policy;
using SanctionsSim.Simulation.Draws;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Simulation.Actors;

/// <summary>
/// The sanctioning coalition: which senders are in (from a week, by a trigger on the defected share, or by
/// chance), which of their instruments are in force, which have escalated because defections stalled, and what
/// the instruments in force do each week through their <see cref="InstrumentEffect"/>s; with the senders' costs.
/// Each sender's commitment evolves with its costs, the humanitarian burden, visible progress and its partners
/// (<see cref="CommitmentPlan.Next"/>) and decides joining, lifting, easing, escalating and the credibility of its
/// offers. docs/model.md, §Coalition and §Adaptive agents.
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
    private readonly double[] _commitment;
    private readonly double[] _nextCommitment;
    private readonly double[] _costSoFar;
    private readonly double[] _weekCost;
    private readonly int[] _covered;
    private readonly CommitmentPlan[] _laws;

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
        _covered = new int[k];
        int n = plan.Senders.Length;
        _commitment = new double[n];
        _nextCommitment = new double[n];
        _costSoFar = new double[n];
        _weekCost = new double[n];
        _laws = plan.Senders.Select(x => x.Commitment).ToArray();
    }

    /// <summary>Sender <paramref name="s"/>'s commitment this week.</summary>
    public double Commitment(int s) => _commitment[s];


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
        Array.Clear(_covered);
        Array.Clear(_costSoFar);
        Array.Clear(_weekCost);
        for (int s = 0; s < _commitment.Length; s++)
        {
            _commitment[s] = _plan.Senders[s].Commitment.Initial;
        }
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
                || (sender.JoinProbabilityPerWeek > 0 && DrawKey.Uniform(key, DrawPurpose.Join, week, s) < sender.JoinProbabilityPerWeek)
                || (sender.JoinWhenCommitmentReaches is double jc && _commitment[s] >= jc);
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
            double c = _commitment[ins.Sender];
            SenderPlan sender = senders[ins.Sender];
            _active[k] = _joined[ins.Sender] && ins.Scheduled(week) && !(c < sender.LiftBelowCommitment);
            if (_active[k] && !_escalated[k] && ins.EscalateAfterWeek is int ew && week >= ew && share < ins.EscalateBelowShare && c >= sender.EscalateAboveCommitment)
            {
                _escalated[k] = true;
            }

            recognising += _active[k] && ins.Effect.RecognisesOpposition ? 1 : 0;
        }

        double credibilityMultiplier = _opposition.CredibilityMultiplier(recognising);
        for (int k = 0; k < instruments.Length; k++)
        {
            InstrumentPlan ins = instruments[k];
            SenderPlan sender = senders[ins.Sender];
            double c = _commitment[ins.Sender];
            double strength = _escalated[k] ? ins.EscalationFactor : 1.0;
            if (c < sender.EaseBelowCommitment)
            {
                strength *= c / sender.EaseBelowCommitment; // easing (Eq. 12b)
            }

            double alliance = 1 + allianceBoost - (_joined[ins.Sender] ? sender.BiteMultiplierForOthers : 0);
            double credibility = Math.Min(1.0, ins.Credibility * credibilityMultiplier);
            if (sender.CredibilityElasticity > 0)
            {
                credibility *= Math.Pow(c, sender.CredibilityElasticity); // a wavering sender's promises (Eq. 12c)
            }

            _week[k] = new InstrumentWeek { Week = week, Strength = strength, AllianceMultiplier = alliance, Credibility = credibility };
        }
    }

    /// <summary>
    /// The instruments in force cut revenue and reserves; each costs its sender its week's cost (its weekly cost times
    /// its strength, and its cost per unit of bite in force); every guarantee given so far costs its weekly price
    /// (Eq. 1f).
    /// </summary>
    public void ApplyToEconomy(EconomyEffects economy, Span<double> senderCosts)
    {
        economy.Reset();
        InstrumentPlan[] instruments = _plan.Instruments;
        for (int k = 0; k < instruments.Length; k++)
        {
            InstrumentPlan ins = instruments[k];
            if (_active[k])
            {
                economy.TargetPatrons(ins.PatronMask);
                ins.Effect.ApplyToEconomy(in _week[k], economy);
                senderCosts[ins.Sender] += ins.WeekCost(_week[k].Strength);
            }

            if (_covered[k] > 0)
            {
                senderCosts[ins.Sender] += ins.GuaranteeCostPerWeek * _covered[k]; // guarantees are honoured, in force or not
            }
        }

        economy.TargetPatrons(null);
    }

    /// <summary>
    /// The ruler is gone at the end of a week with <paramref name="weeksLeft"/> weeks of the horizon after it: each
    /// sender pays its instruments in force for its lift lag (after a collapse by defection, or after a removal by the
    /// high command), at their last week's cost, and every guarantee given to the horizon (Eq. 1g).
    /// </summary>
    public void ChargeAfterFall(int weeksLeft, bool removedByHighCommand, Span<double> senderCosts)
    {
        if (weeksLeft <= 0)
        {
            return;
        }

        InstrumentPlan[] instruments = _plan.Instruments;
        SenderPlan[] senders = _plan.Senders;
        for (int k = 0; k < instruments.Length; k++)
        {
            InstrumentPlan ins = instruments[k];
            if (_active[k])
            {
                SenderPlan sender = senders[ins.Sender];
                int lag = Math.Min(weeksLeft, removedByHighCommand ? sender.LiftLagWeeksAfterRemoval : sender.LiftLagWeeks);
                senderCosts[ins.Sender] += lag * ins.WeekCost(_week[k].Strength);
            }

            if (_covered[k] > 0)
            {
                senderCosts[ins.Sender] += weeksLeft * ins.GuaranteeCostPerWeek * _covered[k];
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

    /// <summary>Contact campaigns in force reach officers in their order; fractions of an officer carry over to next week. Each officer newly reached costs the campaign's sender its price per officer.</summary>
    /// <returns>How many officers were newly reached.</returns>
    public int Reach(OfficerCorps corps, ContactOrders orders, Span<double> senderCosts)
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
                    senderCosts[instruments[k].Sender] += instruments[k].CostPerOfficerReached;
                }
            }
        }

        return reached;
    }

    /// <summary>What a defection costs the senders whose instruments in force pay defectors; an offer with a guarantee that the defector knew gives him one (paid weekly from next week on).</summary>
    public void ChargeDefection(bool reached, int faction, Span<double> senderCosts)
    {
        InstrumentPlan[] instruments = _plan.Instruments;
        for (int k = 0; k < instruments.Length; k++)
        {
            if (_active[k])
            {
                InstrumentPlan ins = instruments[k];
                double cost = ins.Effect.CostPerDefector(in _week[k], reached);
                if (cost != 0)
                {
                    senderCosts[ins.Sender] += cost;
                }

                if (ins.GuaranteeCostPerWeek > 0 && ins.Covers(faction, reached))
                {
                    _covered[k]++;
                }
            }
        }
    }

    /// <summary>
    /// The end of the week: each sender's cost this week, then every commitment moves at once (Eq. 12), from the
    /// defected share, the regime's lost revenue, the humanitarian burden and the partners' mean commitment.
    /// </summary>
    /// <param name="senderCosts">The senders' running costs.</param>
    /// <param name="progress">The defected share relative to the critical share.</param>
    /// <param name="loss">The regime's revenue lost share.</param>
    /// <param name="burden">The humanitarian burden relative to the regime's baseline revenue.</param>
    public void UpdateCommitments(ReadOnlySpan<double> senderCosts, double progress, double loss, double burden)
    {
        for (int s = 0; s < _commitment.Length; s++)
        {
            _weekCost[s] = senderCosts[s] - _costSoFar[s];
            _costSoFar[s] = senderCosts[s];
        }

        CommitmentPlan.ReviseAll(_laws, _commitment, _nextCommitment, _weekCost, burden, progress, loss);
    }
}
