using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using MathNet.Numerics.Distributions;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Networks;
using SanctionsSim.Policy;

namespace SanctionsSim.Simulation;

/// <summary>
/// Runs replications of a compiled scenario, week by week (docs/model.md, §Weekly dynamics). One worker per
/// thread: every array is allocated once and reused, so a replication allocates nothing in steady state.
/// </summary>
/// <remarks>
/// Common random numbers: officers, network and events come from streams keyed by (seed, replication,
/// purpose); decision noise, detection and weekly flows are counter-based draws keyed by (officer or faction,
/// week), so two policy arms run on the same seed see the same officers, ties, shocks and noise, however
/// differently they evolve.
/// </remarks>
internal sealed class SanctionsWorker
{
    internal const int StateLoyal = 0;
    internal const int StateDefected = 1;
    internal const int StatePurged = 2;

    private const long PurposeDecision = 1;
    private const long PurposeDetection = 2;
    private const long PurposeDesertion = 3;
    private const long PurposeCrossing = 4;
    private const long PurposeJoin = 5;
    private const double Ln2 = 0.69314718055994530942;

    /// <summary>Whether the weekly decisions are swept four officers at a time (<see cref="SweepDecisions"/>); otherwise one at a time from <see cref="OfficerRow"/>s.</summary>
    private static readonly bool VectorSweep = Vector256.IsHardwareAccelerated && Vector256<ulong>.Count == 4;

    private readonly CompiledScenario _plan;
    private readonly RandomStream _random = new(0);
    private readonly EdgeList _edges = new();
    private readonly CsrGraph _graph = new();

    // officers
    private readonly double[] _loyalty;
    private readonly double[] _family;
    private readonly bool[] _sanctioned;
    private readonly double[] _assets;
    private readonly byte[] _state;
    private readonly bool[] _reached;
    private readonly double[] _tieWeight;
    private readonly double[] _defectedTieWeight;
    private readonly int[] _defectWeek;
    private readonly int[] _newDefectors;
    private readonly int[] _pending;
    private readonly int[][] _orders;
    private readonly int[] _orderCursor;
    private readonly double[] _reachCredit;

    // coalition
    private readonly bool[] _joined;
    private readonly bool[] _escalated;
    private readonly bool[] _active;
    private readonly bool[] _eventHappens;

    // factions
    private readonly double[] _agentDefectedWeight;
    private readonly double[] _lowRankCrossed;
    private readonly double[] _deserted;
    private readonly int[] _factionTipWeek;
    private readonly FactionOffers[] _offers;
    private readonly double[] _groupBeta;
    private readonly OfficerRow[] _rows;
    private readonly int[] _group;          // each officer's decision group (the vector sweep reads it; _rows holds a copy for the scalar one)
    private readonly int[] _decisionQueue;  // officers the vector sweep hands to the full decision, in index order
    private readonly double[] _groupGamma;

    private ulong _seed;
    private long _replication;
    private ulong _counterKey;

    public SanctionsWorker(CompiledScenario plan)
    {
        _plan = plan;
        int n = plan.OfficerCount;
        _loyalty = new double[n];
        _family = new double[n];
        _sanctioned = new bool[n];
        _assets = new double[n];
        _state = new byte[n];
        _reached = new bool[n];
        _tieWeight = new double[n];
        _defectedTieWeight = new double[n];
        _defectWeek = new int[n];
        _newDefectors = new int[n];
        _pending = new int[n];
        _orders = new int[Enum.GetValues<Targeting>().Length][];
        foreach (Targeting t in plan.UsedTargetings)
        {
            _orders[(int)t] = new int[n];
        }

        _orderCursor = new int[plan.Instruments.Length];
        _reachCredit = new double[plan.Instruments.Length];
        _joined = new bool[plan.Senders.Length];
        _escalated = new bool[plan.Instruments.Length];
        _active = new bool[plan.Instruments.Length];
        _eventHappens = new bool[plan.Events.Length];
        _agentDefectedWeight = new double[plan.FactionCount];
        _lowRankCrossed = new double[plan.FactionCount];
        _deserted = new double[plan.FactionCount];
        _factionTipWeek = new int[plan.FactionCount];
        _offers = new FactionOffers[plan.FactionCount];
        _groupBeta = new double[4 * plan.FactionCount];
        _rows = new OfficerRow[plan.OfficerCount];
        _group = new int[plan.OfficerCount];
        _decisionQueue = new int[plan.OfficerCount];
        _groupGamma = new double[4 * plan.FactionCount];
        Outcome = new RunBuffers(plan);
    }

    /// <summary>The outcome of the last replication (overwritten by the next).</summary>
    public RunBuffers Outcome { get; }

    internal CsrGraph Graph => _graph;

    internal ReadOnlySpan<byte> States => _state;

    /// <summary>Runs replication <paramref name="replication"/> and fills <see cref="Outcome"/>.</summary>
    public void Run(ulong seed, long replication)
    {
        SetKey(seed, replication);
        SampleOfficers();
        BuildNetwork();
        PrepareOrders();
        Simulate();
    }

    internal void SetKey(ulong seed, long replication)
    {
        _seed = seed;
        _replication = replication;
        _counterKey = RandomStream.CounterKey(seed, replication);
    }

    /// <summary>
    /// The perceived defected share at or above which officer <paramref name="i"/> defects under the zero-noise
    /// rule with the week-0 payoffs of the last replication (−∞ when always, +∞ when never).
    /// </summary>
    internal double ZeroNoiseThreshold(int i)
    {
        var w = WeekPayoffs(0, 0.0, ReadOnlySpan<bool>.Empty);
        return Threshold(i, in w);
    }

    // ---------------------------------------------------------------- sampling

    internal void SampleOfficers()
    {
        CompiledScenario p = _plan;
        _random.Reset(_seed, _replication, StreamKeys.Agents);
        double cohesion = p.Scenario.Decision.CohesionUncertainty * _random.NextStandardNormal();
        Outcome.Cohesion = cohesion;
        for (int f = 0; f < p.FactionCount; f++)
        {
            Faction fa = p.Scenario.Factions[f];
            double a = fa.FamilyExposureMean * fa.FamilyExposureConcentration;
            double b = (1 - fa.FamilyExposureMean) * fa.FamilyExposureConcentration;
            for (int i = p.FactionStart[f]; i < p.FactionStart[f + 1]; i++)
            {
                bool general = p.Rank[i] == CompiledScenario.RankGeneral;
                _loyalty[i] = (general ? fa.GeneralLoyaltyMean : fa.SeniorLoyaltyMean) + cohesion + (fa.LoyaltySpread * _random.NextStandardNormal());
                _family[i] = fa.FamilyExposureMean <= 0 ? 0 : fa.FamilyExposureMean >= 1 ? 1 : Variates.Beta(_random, a, b);
                _sanctioned[i] = _random.NextDouble() < (general ? fa.SanctionedShareGenerals : fa.SanctionedShareSeniors);
                double median = general ? fa.AssetsAbroadMedianGenerals : fa.AssetsAbroadMedianSeniors;
                _assets[i] = median * Math.Exp(fa.AssetsAbroadLogSpread * _random.NextStandardNormal());
            }
        }
    }

    internal void BuildNetwork()
    {
        CompiledScenario p = _plan;
        OfficerNetwork net = p.Scenario.Network;
        _random.Reset(_seed, _replication, StreamKeys.Network);
        _edges.Clear();
        int n = p.OfficerCount;
        for (int i = 0; i < n; i++)
        {
            if (p.Superior[i] >= 0)
            {
                _edges.Add(i, p.Superior[i], net.CommandTieWeight);
            }
        }

        // siblings: officers with the same superior are contiguous runs of the layout
        if (net.SiblingTieProbability > 0)
        {
            int start = 0;
            while (start < n)
            {
                int end = start + 1;
                while (end < n && p.Superior[end] == p.Superior[start] && p.Superior[start] >= 0 && p.Rank[end] == p.Rank[start])
                {
                    end++;
                }

                if (p.Superior[start] >= 0)
                {
                    AddPairs(start, end - start, net.SiblingTieProbability, net.PeerTieWeight);
                }

                start = end;
            }
        }

        // peer ties among generals of a faction, and across factions
        int totalGenerals = 0;
        foreach (int g in p.GeneralCount)
        {
            totalGenerals += g;
        }

        for (int f = 0; f < p.FactionCount; f++)
        {
            int gf = p.GeneralCount[f];
            if (gf > 1 && net.PeerTiesPerGeneral > 0)
            {
                AddPairs(p.FactionStart[f], gf, Math.Min(1.0, net.PeerTiesPerGeneral / (gf - 1)), net.PeerTieWeight);
            }

            for (int h = 0; h < f; h++)
            {
                int others = totalGenerals - gf;
                if (others > 0 && net.CrossFactionTiesPerGeneral > 0)
                {
                    double q = Math.Min(1.0, net.CrossFactionTiesPerGeneral / others);
                    AddBipartite(p.FactionStart[f], gf, p.FactionStart[h], p.GeneralCount[h], q, net.PeerTieWeight);
                }
            }
        }

        _edges.BuildUndirected(n, _graph, simplify: true, weighted: true);
        for (int i = 0; i < n; i++)
        {
            _tieWeight[i] = _graph.WeightedDegree(i);
        }
    }

    private void AddPairs(int first, int size, double prob, double weight)
        => new GeometricSkip(prob).Triangle(_random, first, size, _edges, weight);

    private void AddBipartite(int firstA, int sizeA, int firstB, int sizeB, double prob, double weight)
        => new GeometricSkip(prob).Rectangle(_random, firstA, sizeA, firstB, sizeB, _edges, weight);

    internal void PrepareOrders()
    {
        CompiledScenario p = _plan;
        int n = p.OfficerCount;
        _random.Reset(_seed, _replication, StreamKeys.Policy);
        foreach (Targeting t in p.UsedTargetings)
        {
            int[] order = _orders[(int)t];
            switch (t)
            {
                case Targeting.HighestWeight:
                    p.WeightOrder.CopyTo(order, 0);
                    break;
                case Targeting.Random:
                    Identity(order);
                    Shuffle(order.AsSpan());
                    break;
                case Targeting.GeneralsFirst:
                {
                    int k = 0;
                    for (int i = 0; i < n; i++)
                    {
                        if (p.Rank[i] == CompiledScenario.RankGeneral)
                        {
                            order[k++] = i;
                        }
                    }

                    int generals = k;
                    for (int i = 0; i < n; i++)
                    {
                        if (p.Rank[i] != CompiledScenario.RankGeneral)
                        {
                            order[k++] = i;
                        }
                    }

                    Shuffle(order.AsSpan(0, generals));
                    Shuffle(order.AsSpan(generals));
                    break;
                }

                case Targeting.SanctionedFirst:
                {
                    int k = 0;
                    for (int i = 0; i < n; i++)
                    {
                        if (_sanctioned[i])
                        {
                            order[k++] = i;
                        }
                    }

                    int a = k;
                    for (int i = 0; i < n; i++)
                    {
                        if (!_sanctioned[i] && p.Rank[i] == CompiledScenario.RankGeneral)
                        {
                            order[k++] = i;
                        }
                    }

                    int b = k;
                    for (int i = 0; i < n; i++)
                    {
                        if (!_sanctioned[i] && p.Rank[i] != CompiledScenario.RankGeneral)
                        {
                            order[k++] = i;
                        }
                    }

                    Shuffle(order.AsSpan(0, a));
                    Shuffle(order.AsSpan(a, b - a));
                    Shuffle(order.AsSpan(b));
                    break;
                }
            }
        }
    }

    private static void Identity(int[] order)
    {
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
    }

    private void Shuffle(Span<int> span)
    {
        for (int i = span.Length - 1; i > 0; i--)
        {
            int j = _random.NextInt32(i + 1);
            (span[i], span[j]) = (span[j], span[i]);
        }
    }

    // ---------------------------------------------------------------- dynamics

    /// <summary>Payoff terms common to every officer in a week.</summary>
    private struct Payoffs
    {
        public double Detection;
        public double Reprisal;
        public double Patronage;
        public double RevenueLossShare;
        public double PublicShare;
        public double Shock;
        public double CrossingMultiplier;

        // hoisted constants of the scenario and shared per-week values (docs/model.md, Eq. 3-5)
        public double Omega;
        public double Steepness;
        public double Midpoint;
        public double LossEffect;
        public double Gain;
        public double Prosecution;
        public double SanctionedProsecution;
        public double PurgeCost;
        public double Severity;
        public double Tau;
        public double SharedFall;   // P(fall) for officers none of whose ties has defected
        public double IsolatedFall; // P(fall) for officers without ties (they see public news only)
    }

    /// <summary>An officer's attributes as the weekly decision reads them; Group = faction · 4 + reached · 2 + sanctioned.</summary>
    private struct OfficerRow
    {
        public double Assets;
        public double Family;
        public double Loyalty;
        public int Group;
        public bool HasTies;
    }

    /// <summary>What the instruments in force offer the officers of one faction this week.</summary>
    private struct FactionOffers
    {
        public double PublicOffer;
        public double PrivateOffer;
        public double PublicProtection;
        public double PrivateProtection;
        public double Delisting;
        public double Freeze;
    }

    internal void Simulate()
    {
        CompiledScenario p = _plan;
        Scenario sc = p.Scenario;
        Regime regime = sc.Regime;
        DecisionModel decision = sc.Decision;
        RunBuffers o = Outcome;
        o.Reset();
        int n = p.OfficerCount;
        Array.Clear(_state);
        Array.Clear(_reached);
        Array.Clear(_defectedTieWeight);
        Array.Fill(_defectWeek, -1);
        Array.Clear(_orderCursor);
        Array.Clear(_reachCredit);
        Array.Clear(_joined);
        Array.Clear(_escalated);
        Array.Clear(_agentDefectedWeight);
        Array.Clear(_lowRankCrossed);
        Array.Clear(_deserted);
        Array.Fill(_factionTipWeek, -1);
        for (int i = 0; i < n; i++)
        {
            _group[i] = (p.FactionOf[i] * 4) + (_sanctioned[i] ? 1 : 0);
            if (!VectorSweep)
            {
                // what the scalar sweep reads of each officer, side by side in one 32-byte row (one cache line per two officers)
                _rows[i] = new OfficerRow
                {
                    Assets = _assets[i],
                    Family = _family[i],
                    Loyalty = _loyalty[i],
                    Group = _group[i],
                    HasTies = _tieWeight[i] > 0,
                };
            }
        }

        _random.Reset(_seed, _replication, StreamKeys.Events);
        for (int e = 0; e < _eventHappens.Length; e++)
        {
            _eventHappens[e] = _random.NextDouble() < p.Events[e].Probability;
        }

        double reserves = regime.ReservesAbroad;
        double share = 0.0;       // importance-weighted defected share of command strength, as of last week's news
        double fear = 0.0;
        bool payRaise = false;
        double[] senderCost = o.SenderCostBuffer;
        for (int week = 0; week < p.Weeks; week++)
        {
            // 1. coalition membership and instruments in force
            UpdateCoalition(week, share);
            double allianceBoost = 0;
            int recognising = 0;
            for (int s = 0; s < _joined.Length; s++)
            {
                if (_joined[s])
                {
                    allianceBoost += p.Senders[s].BiteMultiplierForOthers;
                }
            }

            double oilKeep = 1, otherKeep = 1, reserveKeep = 1;
            for (int k = 0; k < p.Instruments.Length; k++)
            {
                if (!_active[k])
                {
                    continue;
                }

                Instrument ins = p.Instruments[k];
                double m = _escalated[k] ? ins.EscalationFactor : 1.0;
                double boost = 1 + allianceBoost - (_joined[p.InstrumentSender[k]] ? p.Senders[p.InstrumentSender[k]].BiteMultiplierForOthers : 0);
                double bite = Math.Min(1.0, ins.Bite * m * boost);
                switch (ins.Kind)
                {
                    case InstrumentKind.OilEmbargo:
                        oilKeep *= 1 - bite;
                        break;
                    case InstrumentKind.FinancialSanctions:
                        otherKeep *= 1 - bite;
                        reserveKeep *= 1 - bite;
                        break;
                    case InstrumentKind.AssetFreeze:
                        reserveKeep *= 1 - bite;
                        break;
                    case InstrumentKind.Recognition:
                        recognising++;
                        break;
                }

                senderCost[p.InstrumentSender[k]] += ins.SenderCostPerWeek * m;
            }

            // 2. revenue, reserves, patronage
            double revenue = (regime.OilRevenuePerWeek * oilKeep) + (regime.OtherRevenuePerWeek * otherKeep);
            double reachable = reserves * reserveKeep;
            double budget = regime.PatronageShare * revenue;
            if (payRaise && regime.PayRaiseSize > 0)
            {
                double raise = Math.Min(regime.PayRaiseSize * p.BaselinePatronage, reachable);
                budget += raise;
                reserves -= raise;
                reachable -= raise;
                o.PayRaiseWeeks++;
            }

            double lossShare = 1 - (revenue / p.BaselineRevenue);
            double patronage = budget / p.BaselinePatronage;

            // 3. events
            double shock = 0, crossing = 1, coercion = 0;
            for (int e = 0; e < p.Events.Length; e++)
            {
                ExogenousEvent ev = p.Events[e];
                if (_eventHappens[e] && week >= ev.Week && week < ev.Week + ev.DurationWeeks)
                {
                    shock += ev.PerceivedShareShock;
                    crossing *= ev.LowRankCrossingMultiplier;
                    coercion += ev.CoercionShock;
                }
            }

            // 4. offers and coercion
            Payoffs w = WeekPayoffs(week, share, _active);
            w.Detection = Math.Clamp(regime.DetectionProbability + coercion, 0, 1) * Math.Exp(-regime.DetectionDecay * share);
            w.Reprisal = Math.Clamp(regime.ReprisalProbability + fear + coercion, 0, 1);
            w.Patronage = patronage;
            w.RevenueLossShare = lossShare;
            w.Shock = shock;
            w.CrossingMultiplier = crossing;
            w.SharedFall = FallProbability(Math.Clamp((w.Omega * share) + shock, 0.0, 1.0), in w);
            w.IsolatedFall = FallProbability(Math.Clamp(share + shock, 0.0, 1.0), in w);
            _ = recognising;

            // contact campaigns reach officers
            Reach(week);

            // 5. officers decide
            int newCount = 0, purges = 0;
            double newWeight = 0;
            DecideAll(week, in w, ref newCount, ref purges, ref newWeight);

            if (decision.CascadeWithinWeek)
            {
                // event-driven: only neighbours of new defectors are re-examined, with the same weekly draw
                int head = 0;
                while (head < newCount)
                {
                    int u = _newDefectors[head++];
                    SpreadNews(u);
                    ReadOnlySpan<int> nb = _graph.Neighbors(u);
                    foreach (int v in nb)
                    {
                        if (_state[v] == StateLoyal && Decide(v, week, in w))
                        {
                            Attempt(v, week, in w, ref newCount, ref purges, ref newWeight);
                        }
                    }
                }
            }
            else
            {
                for (int j = 0; j < newCount; j++)
                {
                    SpreadNews(_newDefectors[j]); // visible from next week (weekly news cycle)
                }
            }

            // 6. rank-and-file flows
            double previousShare = share;
            for (int f = 0; f < p.FactionCount; f++)
            {
                Faction fa = sc.Factions[f];
                double remaining = p.FactionTroops[f] - _agentDefectedWeight[f] - _lowRankCrossed[f] - _deserted[f];
                if (remaining <= 0)
                {
                    continue;
                }

                double desertRate = Math.Min(1, fa.DesertionRatePerWeek + (fa.DesertionPaySensitivity * Math.Max(0, 1 - patronage)));
                double deserted = Math.Min(remaining, CountDraw(desertRate * remaining, f, week, PurposeDesertion));
                _deserted[f] += deserted;
                remaining -= deserted;
                double pull = 1 + _offers[f].PublicOffer + (10 * previousShare);
                double crossRate = Math.Min(1, fa.LowRankDefectionRatePerWeek * pull * crossing);
                double crossed = Math.Min(remaining, CountDraw(crossRate * remaining, f, week, PurposeCrossing));
                _lowRankCrossed[f] += crossed;
                o.LowRankCrossedPath[week] += crossed;
                o.DesertedPath[week] += deserted;
            }

            // 7. the regime responds
            if (purges > 0)
            {
                fear = Math.Min(1, fear + (regime.FearIncreasePerPurge * purges));
            }

            // 8. shares and collapse
            share = ComputeShare();
            double weeklyShareGain = share - previousShare;
            payRaise = weeklyShareGain >= regime.PayRaiseTrigger && regime.PayRaiseTrigger > 0;
            o.SharePath[week] = share;
            o.RevenuePath[week] = revenue;
            o.ReservesPath[week] = reserves;
            o.ReachableReservesPath[week] = reachable;
            o.HumanitarianPath[week] = (1 - regime.PatronageShare) * (p.BaselineRevenue - revenue);
            o.HumanitarianTotal += o.HumanitarianPath[week];
            o.RevenueLostTotal += p.BaselineRevenue - revenue;
            o.NewDefectorsPath[week] = newCount;
            o.Purges += purges;
            if (newCount > o.LargestWeeklyCascade)
            {
                o.LargestWeeklyCascade = newCount;
            }

            o.LargestWeeklyShareGain = Math.Max(o.LargestWeeklyShareGain, weeklyShareGain);
            o.WeeksRun = week + 1;
            bool factionTipped = false;
            for (int f = 0; f < p.FactionCount; f++)
            {
                double fs = FactionShare(f);
                if (_factionTipWeek[f] < 0 && fs >= sc.Collapse.CriticalShare)
                {
                    _factionTipWeek[f] = week;
                }

                factionTipped |= sc.Collapse.FactionCriticalShare < 1.0 && fs >= sc.Collapse.FactionCriticalShare; // 1 = rule off
            }

            if (share >= sc.Collapse.CriticalShare || factionTipped)
            {
                o.Collapsed = true;
                o.CollapseWeek = week;
                break;
            }
        }

        for (int k = 0; k < senderCost.Length; k++)
        {
            o.SenderCost[k] = senderCost[k];
        }

        Finish(share);
    }

    private void UpdateCoalition(int week, double share)
    {
        CompiledScenario p = _plan;
        for (int s = 0; s < p.Senders.Length; s++)
        {
            if (_joined[s])
            {
                continue;
            }

            Sender sender = p.Senders[s];
            bool join = (sender.JoinWeek is int jw && week >= jw)
                || (sender.JoinWhenDefectedShareReaches is double t && share >= t)
                || (sender.JoinProbabilityPerWeek > 0 && RandomStream.ToUniform(RandomStream.CounterBits(_counterKey, -2001 - s, (week * 8L) + PurposeJoin)) < sender.JoinProbabilityPerWeek);
            if (join)
            {
                _joined[s] = true;
                Outcome.SenderJoinWeek[s] = week;
            }
        }

        for (int k = 0; k < p.Instruments.Length; k++)
        {
            Instrument ins = p.Instruments[k];
            _active[k] = _joined[p.InstrumentSender[k]] && week >= ins.StartWeek && (ins.EndWeek is null || week <= ins.EndWeek);
            if (_active[k] && !_escalated[k] && ins.EscalateAfterWeek is int ew && week >= ew && share < ins.EscalateBelowShare)
            {
                _escalated[k] = true;
            }
        }
    }

    private Payoffs WeekPayoffs(int week, double share, ReadOnlySpan<bool> active)
    {
        CompiledScenario p = _plan;
        int recognising = 0;
        for (int k = 0; k < active.Length; k++)
        {
            if (active[k] && p.Instruments[k].Kind == InstrumentKind.Recognition)
            {
                recognising++;
            }
        }

        double boost = 1 + (p.Scenario.Opposition.RecognitionCredibilityBoost * recognising);
        Scenario sc = p.Scenario;
        var w = new Payoffs
        {
            Detection = sc.Regime.DetectionProbability,
            Reprisal = sc.Regime.ReprisalProbability,
            Patronage = 1.0,
            PublicShare = share,
            Omega = sc.Decision.PublicNewsWeight,
            Steepness = sc.Decision.FallSteepness,
            Midpoint = sc.Decision.FallMidpoint,
            LossEffect = sc.Decision.RevenueLossFallEffect,
            Gain = sc.Opposition.GainIfRegimeFalls,
            Prosecution = sc.Opposition.ProsecutionCost,
            SanctionedProsecution = sc.Opposition.SanctionedProsecutionCost,
            PurgeCost = sc.Regime.PurgeCost,
            Severity = sc.Regime.ReprisalSeverity,
            Tau = sc.Decision.NoiseScale,
        };
        Array.Clear(_offers);
        for (int k = 0; k < active.Length; k++)
        {
            if (!active[k])
            {
                continue;
            }

            Instrument ins = p.Instruments[k];
            double m = _escalated[k] ? ins.EscalationFactor : 1.0;
            double credibility = Math.Min(1.0, ins.Credibility * boost);
            bool[]? mask = p.InstrumentFactionMask[k];
            for (int f = 0; f < _offers.Length; f++)
            {
                if (mask is not null && !mask[f])
                {
                    continue;
                }

                ref FactionOffers o = ref _offers[f];
                switch (ins.Kind)
                {
                    case InstrumentKind.Amnesty:
                    case InstrumentKind.Payments:
                        if (ins.Public)
                        {
                            o.PublicOffer += ins.Value * m * credibility;
                        }
                        else
                        {
                            o.PrivateOffer += ins.Value * m * credibility;
                        }

                        break;
                    case InstrumentKind.AssetProtection:
                        double protectedShare = Math.Min(1.0, ins.Value * m) * credibility;
                        if (ins.Public)
                        {
                            o.PublicProtection = Math.Min(1.0, o.PublicProtection + protectedShare);
                        }
                        else
                        {
                            o.PrivateProtection = Math.Min(1.0, o.PrivateProtection + protectedShare);
                        }

                        break;
                    case InstrumentKind.TargetedSanctions:
                        o.Freeze = Math.Max(o.Freeze, ins.FreezeShare);
                        if (ins.DelistOnDefection)
                        {
                            o.Delisting = Math.Max(o.Delisting, credibility);
                        }

                        break;
                }
            }
        }

        _ = week;
        return w;
    }

    private void Reach(int week)
    {
        CompiledScenario p = _plan;
        for (int k = 0; k < p.Instruments.Length; k++)
        {
            Instrument ins = p.Instruments[k];
            if (!_active[k] || ins.Kind != InstrumentKind.ContactCampaign)
            {
                continue;
            }

            double m = _escalated[k] ? ins.EscalationFactor : 1.0;
            _reachCredit[k] += ins.ReachPerWeek * m;
            int[] order = _orders[(int)ins.Targeting];
            bool[]? mask = p.InstrumentFactionMask[k];
            while (_reachCredit[k] >= 1.0 && _orderCursor[k] < order.Length)
            {
                int i = order[_orderCursor[k]++];
                if (_state[i] == StateLoyal && !_reached[i] && (mask is null || mask[p.FactionOf[i]]))
                {
                    _reached[i] = true;
                    _rows[i].Group |= 2;
                    _group[i] |= 2;
                    Outcome.Reached++;
                    _reachCredit[k] -= 1.0;
                }
            }

            _ = week;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Delta(int i, in Payoffs w)
    {
        double fall;
        double tie = _tieWeight[i];
        double defected = _defectedTieWeight[i];
        if (defected > 0)
        {
            double perceived = Math.Clamp(((1 - w.Omega) * (defected / tie)) + (w.Omega * w.PublicShare) + w.Shock, 0.0, 1.0);
            fall = FallProbability(perceived, in w);
        }
        else
        {
            fall = tie > 0 ? w.SharedFall : w.IsolatedFall;
        }

        return DeltaAt(i, fall, in w);
    }

    /// <summary>P(fall) = Λ(k (s − m) + ψ·(revenue lost share)) (docs/model.md, Eq. 2).</summary>
    private static double FallProbability(double perceived, in Payoffs w)
    {
        double x = (w.Steepness * (perceived - w.Midpoint)) + (w.LossEffect * w.RevenueLossShare);
        return 1.0 / (1.0 + Math.Exp(-x));
    }

    /// <summary>U(defect) − U(stay) for officer i at fall probability P (docs/model.md, Eq. 3–5).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double DeltaAt(int i, double fall, in Payoffs w)
    {
        bool reached = _reached[i];
        double assets = _assets[i];
        ref FactionOffers o = ref _offers[_plan.FactionOf[i]];
        double offer = o.PublicOffer + (reached ? o.PrivateOffer : 0)
            + (assets * Math.Min(1.0, o.PublicProtection + (reached ? o.PrivateProtection : 0)));
        double prosecution = w.Prosecution;
        if (_sanctioned[i])
        {
            offer += o.Delisting * o.Freeze * assets;
            prosecution += w.SanctionedProsecution;
        }

        double family = _family[i] * w.Reprisal * w.Severity;
        double defect = offer + (fall * w.Gain) - (w.Detection * w.PurgeCost) - ((1 - fall) * family);
        double stay = _loyalty[i] + w.Patronage - (fall * prosecution);
        return defect - stay;
    }

    private double Threshold(int i, in Payoffs w)
    {
        // Δ(P) is affine in P: Δ = a + b·P. Solve for P*, then invert the logistic for the perceived share.
        double a = DeltaAt(i, 0.0, in w);
        double b = DeltaAt(i, 1.0, in w) - a;
        if (b <= 0)
        {
            return a >= 0 ? double.NegativeInfinity : double.PositiveInfinity;
        }

        double pStar = -a / b;
        if (pStar <= 0)
        {
            return double.NegativeInfinity;
        }

        if (pStar >= 1)
        {
            return double.PositiveInfinity;
        }

        double logit = Math.Log(pStar / (1 - pStar));
        return w.Midpoint + ((logit - (w.LossEffect * w.RevenueLossShare)) / w.Steepness) - w.Shock;
    }

    /// <summary>
    /// Every loyal officer's weekly decision. Δ (docs/model.md, Eq. 3–5) is regrouped by what varies per officer:
    /// Δ_i = assets_i·β_g + γ_g − family_i·α − loyalty_i, where α = R·S·(1 − P) is the week's and β_g, γ_g are the
    /// week's values for the officer's group g = (faction, reached, sanctioned), computed once per week for the
    /// 4 × factions groups. Officers with a defected tie or no ties (their own P(fall)), and zero noise (where
    /// Δ ≥ 0 must be exact), take the full formula of <see cref="DeltaAt"/>.
    /// </summary>
    private void DecideAll(int week, in Payoffs w, ref int newCount, ref int purges, ref double newWeight)
    {
        int n = _plan.OfficerCount;
        if (w.Tau <= 0)
        {
            for (int i = 0; i < n; i++)
            {
                if (_state[i] == StateLoyal && Decide(i, week, in w))
                {
                    Attempt(i, week, in w, ref newCount, ref purges, ref newWeight);
                }
            }

            return;
        }

        ReadOnlySpan<byte> state = _state.AsSpan(0, n);
        ReadOnlySpan<double> defectedTies = _defectedTieWeight.AsSpan(0, n);
        ReadOnlySpan<OfficerRow> rows = _rows.AsSpan(0, n);
        double fall = w.SharedFall;
        double alpha = w.Reprisal * w.Severity * (1 - fall);
        double common = (fall * w.Gain) - (w.Detection * w.PurgeCost) - w.Patronage + (fall * w.Prosecution);
        Span<double> beta = _groupBeta;
        Span<double> gamma = _groupGamma;
        for (int f = 0; f < _plan.FactionCount; f++)
        {
            ref FactionOffers o = ref _offers[f];
            for (int g = 0; g < 4; g++)
            {
                bool reached = (g & 2) != 0, sanctioned = (g & 1) != 0;
                beta[(f * 4) + g] = Math.Min(1.0, o.PublicProtection + (reached ? o.PrivateProtection : 0)) + (sanctioned ? o.Delisting * o.Freeze : 0);
                gamma[(f * 4) + g] = o.PublicOffer + (reached ? o.PrivateOffer : 0) + common + (sanctioned ? fall * w.SanctionedProsecution : 0);
            }
        }

        double inverseTau = 1.0 / w.Tau;
        // the decision draw is CounterBits(key, purpose, officer) = Mix(Mix(key ^ purpose) ^ officer): the inner mix is the week's
        ulong weekKey = RandomStream.Mix(_counterKey ^ (ulong)((week * 8L) + PurposeDecision));
        if (VectorSweep)
        {
            SweepDecisions(week, in w, weekKey, alpha, inverseTau, ref newCount, ref purges, ref newWeight);
            return;
        }

        for (int i = 0; i < state.Length; i++)
        {
            if (state[i] != StateLoyal)
            {
                continue;
            }

            double delta;
            ref readonly OfficerRow row = ref rows[i];
            if (defectedTies[i] > 0 || !row.HasTies)
            {
                delta = Delta(i, in w);
            }
            else
            {
                int g = row.Group;
                delta = (row.Assets * beta[g]) + gamma[g] - (row.Family * alpha) - row.Loyalty;
            }

            double x = delta * inverseTau;
            // below −53 ln 2 no 53-bit uniform can fall under the logistic: skip the draw, it cannot matter
            if (x >= -36.8 && Chooses(x, RandomStream.Mix(weekKey ^ (ulong)i)))
            {
                Attempt(i, week, in w, ref newCount, ref purges, ref newWeight);
            }
        }
    }

    /// <summary>
    /// <see cref="DecideAll"/> four officers at a time, in two passes that give the same decisions in the same order:
    /// 1. in vector registers, each officer's x = Δ/τ on the group form (the same operations in the same order as the
    ///    scalar form, so the same value), the decision draw's hash, and the exponent test of <see cref="Chooses"/>,
    ///    which only rejects (u ≥ 2^⌊log₂ u⌋ ≥ e^x &gt; Λ(x); it rejects every x below −53 ln 2 too). Loyal officers it
    ///    passes (a few per replication) and those who need the full Δ (a defected tie, or none) are queued in
    ///    index order;
    /// 2. the queued officers get the scalar decision. An attempt changes only the attempting officer's state (news
    ///    spreads after the sweep), so deferring the attempts to the end of the sweep changes nothing.
    /// The sweep is most of a preset replication: 208,000 officer-weeks, where the scalar loop spent about 35
    /// instructions per officer.
    /// </summary>
    private void SweepDecisions(int week, in Payoffs w, ulong weekKey, double alpha, double inverseTau, ref int newCount, ref int purges, ref double newWeight)
    {
        int n = _plan.OfficerCount;
        ReadOnlySpan<byte> state = _state.AsSpan(0, n);
        ReadOnlySpan<double> assets = _assets.AsSpan(0, n);
        ReadOnlySpan<double> family = _family.AsSpan(0, n);
        ReadOnlySpan<double> loyalty = _loyalty.AsSpan(0, n);
        ReadOnlySpan<double> ties = _tieWeight.AsSpan(0, n);
        ReadOnlySpan<double> defectedTies = _defectedTieWeight.AsSpan(0, n);
        ReadOnlySpan<int> group = _group.AsSpan(0, n);
        ReadOnlySpan<double> beta = _groupBeta;
        ReadOnlySpan<double> gamma = _groupGamma;
        int[] queue = _decisionQueue;
        int queued = 0;
        var alphas = Vector256.Create(alpha);
        var inverseTaus = Vector256.Create(inverseTau);
        var keys = Vector256.Create(weekKey);
        var lanes = Vector256.Create(0UL, 1UL, 2UL, 3UL);
        var exponentBias = Vector256.Create(1023L + 53L);
        var ln2 = Vector256.Create(Ln2);
        int i = 0;
        for (; i <= n - 4; i += 4)
        {
            int g0 = group[i], g1 = group[i + 1], g2 = group[i + 2], g3 = group[i + 3];
            var x = ((Vector256.Create(assets.Slice(i, 4)) * Vector256.Create(beta[g0], beta[g1], beta[g2], beta[g3]))
                     + Vector256.Create(gamma[g0], gamma[g1], gamma[g2], gamma[g3])
                     - (Vector256.Create(family.Slice(i, 4)) * alphas)
                     - Vector256.Create(loyalty.Slice(i, 4))) * inverseTaus;
            var mantissa = (RandomStream.Mix(keys ^ (Vector256.Create((ulong)i) + lanes)) >>> 11) + Vector256<ulong>.One; // in [1, 2^53]: exact as a double
            var floorLog2 = (Vector256.ConvertToDouble(mantissa.AsInt64()).AsInt64() >>> 52) - exponentBias;          // ⌊log₂ mantissa⌋ − 53
            var maybe = Vector256.GreaterThanOrEqual(x, Vector256.ConvertToDouble(floorLog2) * ln2);
            var full = Vector256.GreaterThan(Vector256.Create(defectedTies.Slice(i, 4)), Vector256<double>.Zero)
                       | Vector256.LessThanOrEqual(Vector256.Create(ties.Slice(i, 4)), Vector256<double>.Zero);
            uint lanesToQueue = (maybe | full).ExtractMostSignificantBits();
            while (lanesToQueue != 0)
            {
                int k = i + System.Numerics.BitOperations.TrailingZeroCount(lanesToQueue);
                lanesToQueue &= lanesToQueue - 1;
                queue[queued] = k;
                queued += state[k] == StateLoyal ? 1 : 0;
            }
        }

        for (; i < n; i++)
        {
            queue[queued] = i;
            queued += state[i] == StateLoyal ? 1 : 0; // the tail: the scalar decision looks at each of them
        }

        for (int k = 0; k < queued; k++)
        {
            int officer = queue[k];
            int g = group[officer];
            double delta = defectedTies[officer] > 0 || !(ties[officer] > 0)
                ? Delta(officer, in w)
                : (assets[officer] * beta[g]) + gamma[g] - (family[officer] * alpha) - loyalty[officer];
            double x = delta * inverseTau;
            if (x >= -36.8 && Chooses(x, RandomStream.Mix(weekKey ^ (ulong)officer)))
            {
                Attempt(officer, week, in w, ref newCount, ref purges, ref newWeight);
            }
        }
    }

    /// <summary>
    /// The weekly logit choice: attempt when Δ/τ &gt; logit(u), u uniform on (0, 1] from the counter-based
    /// draw for (officer, week). Since logit(u) &gt; ln u ≥ ln 2 · ⌊log₂ u⌋, officers far from defecting are
    /// rejected from the exponent of u alone, without a transcendental call; the result is the same.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Decide(int i, int week, in Payoffs w)
    {
        double delta = Delta(i, in w);
        if (w.Tau <= 0)
        {
            return delta >= 0;
        }

        return Chooses(delta * (1.0 / w.Tau), RandomStream.CounterBits(_counterKey, (week * 8L) + PurposeDecision, i));
    }

    /// <summary>The logit choice u &lt; Λ(x) for the uniform u = (⌊bits / 2¹¹⌋ + 1) · 2⁻⁵³ in (0, 1], rejecting from u's exponent alone when it can.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Chooses(double x, ulong bits)
    {
        ulong mantissa = (bits >> 11) + 1;
        return x >= Ln2 * (System.Numerics.BitOperations.Log2(mantissa) - 53)
            && mantissa * (1.0 / (1UL << 53)) < 1.0 / (1.0 + Math.Exp(-x));
    }

    private void Attempt(int i, int week, in Payoffs w, ref int newCount, ref int purges, ref double newWeight)
    {
        double u = RandomStream.ToUniform(RandomStream.CounterBits(_counterKey, i, (week * 8L) + PurposeDetection));
        if (u < w.Detection)
        {
            _state[i] = StatePurged;
            purges++;
            return;
        }

        _state[i] = StateDefected;
        _defectWeek[i] = week;
        _newDefectors[newCount++] = i;
        int f = _plan.FactionOf[i];
        _agentDefectedWeight[f] += _plan.Weight[i];
        newWeight += _plan.Weight[i];
        RunBuffers o = Outcome;
        o.DefectedAgents[(f * 2) + _plan.Rank[i]]++;
        if (_reached[i])
        {
            o.DefectorsReached++;
        }

        for (int k = 0; k < _plan.Instruments.Length; k++)
        {
            Instrument ins = _plan.Instruments[k];
            if (_active[k] && ins.Kind == InstrumentKind.Payments && (ins.Public || _reached[i]))
            {
                o.SenderCostBuffer[_plan.InstrumentSender[k]] += ins.CostPerDefector;
            }
        }
    }

    private void SpreadNews(int u)
    {
        ReadOnlySpan<int> nb = _graph.Neighbors(u);
        ReadOnlySpan<double> wt = _graph.Weights(u);
        for (int j = 0; j < nb.Length; j++)
        {
            _defectedTieWeight[nb[j]] += wt[j];
        }
    }

    private double FactionDefectedTroops(int f)
    {
        double troops = _plan.FactionTroops[f];
        double agents = _agentDefectedWeight[f];
        // rank-and-file crossings come from units still loyal: scale by the loyal share
        return agents + (_lowRankCrossed[f] * Math.Max(0, 1 - (agents / troops)));
    }

    private double FactionShare(int f) => Math.Clamp(FactionDefectedTroops(f) / _plan.FactionTroops[f], 0.0, 1.0); // the weight sum may exceed the troops by an ulp

    private double ComputeShare()
    {
        double total = 0;
        for (int f = 0; f < _plan.FactionCount; f++)
        {
            total += _plan.FactionImportance[f] * FactionDefectedTroops(f);
        }

        return Math.Min(1.0, total / _plan.ImportanceWeightedStrength);
    }

    /// <summary>A count with mean λ, from counter-based uniforms: Poisson by inversion below 30, normal approximation above.</summary>
    private double CountDraw(double mean, int faction, int week, long purpose)
    {
        if (mean <= 0)
        {
            return 0;
        }

        double u = RandomStream.ToUniform(RandomStream.CounterBits(_counterKey, -1 - faction, (week * 8L) + purpose));
        if (mean < 30)
        {
            double p = Math.Exp(-mean), cumulative = p;
            int k = 0;
            while (u > cumulative && k < 1000)
            {
                k++;
                p *= mean / k;
                cumulative += p;
            }

            return k;
        }

        double u2 = RandomStream.ToUniform(RandomStream.CounterBits(_counterKey, -1001 - faction, (week * 8L) + purpose));
        double z = Math.Sqrt(-2 * Math.Log(1 - u)) * Math.Cos(2 * Math.PI * u2);
        return Math.Max(0, Math.Round(mean + (Math.Sqrt(mean) * z)));
    }

    private void Finish(double share)
    {
        CompiledScenario p = _plan;
        RunBuffers o = Outcome;
        o.FinalShare = share;
        for (int w = o.WeeksRun; w < p.Weeks; w++)
        {
            o.SharePath[w] = share; // carried forward after collapse
        }

        int first = -1;
        for (int f = 0; f < p.FactionCount; f++)
        {
            o.FactionShare[f] = FactionShare(f);
            o.LowRankCrossed[f] = _lowRankCrossed[f];
            o.Deserted[f] = _deserted[f];
            int tw = _factionTipWeek[f];
            if (tw >= 0 && (first < 0 || tw < _factionTipWeek[first] || (tw == _factionTipWeek[first] && o.FactionShare[f] > o.FactionShare[first])))
            {
                first = f;
            }
        }

        if (first < 0 && o.Collapsed)
        {
            for (int f = 0; f < p.FactionCount; f++)
            {
                if (first < 0 || o.FactionShare[f] > o.FactionShare[first])
                {
                    first = f;
                }
            }
        }

        o.FirstTippingFaction = first;
        int early = Math.Min(p.Weeks, RunBuffers.EarlyWeeks);
        for (int i = 0; i < p.OfficerCount; i++)
        {
            int dw = _defectWeek[i];
            if (dw >= 0 && dw < early)
            {
                if (p.Rank[i] == CompiledScenario.RankGeneral)
                {
                    o.EarlyGeneralDefections++;
                }
                else
                {
                    o.EarlySeniorDefections++;
                }
            }
        }

        for (int w = 0; w < early; w++)
        {
            o.EarlyLowRankCrossings += o.LowRankCrossedPath[w];
        }
    }
}
