using SanctionsSim.MonteCarlo;
using SanctionsSim.Policy;
using SanctionsSim.Simulation.Actors;
using SanctionsSim.Simulation.Decision;
using SanctionsSim.Simulation.Draws;
using SanctionsSim.Simulation.Kernels;
using SanctionsSim.Simulation.Plan;
using SanctionsSim.Simulation.Trace;

namespace SanctionsSim.Simulation;

/// <summary>
/// One replication of a compiled scenario, week by week (docs/model.md, §Weekly dynamics): the orchestration of
/// the actors, top to bottom. One instance per worker thread: every array is allocated once and reused, so a
/// replication allocates nothing.
/// </summary>
/// <remarks>
/// Common random numbers: officers, ties, contact orders and events come from streams keyed by (seed,
/// replication, purpose); weekly decisions, detection, flows and chance joins are counter-based draws keyed by
/// (purpose, week, officer, faction or sender) (<see cref="DrawKey"/>). Two policy arms on one seed see the same
/// officers, ties, shocks and noise, however differently they evolve.
/// </remarks>
internal sealed class Replication
{
    private SimulationPlan _plan;
    private readonly RandomStream _random = new(0);
    private readonly OfficerCorps _corps;
    private readonly ContactOrders _orders;
    private readonly RegimeAgent _regime;
    private readonly OppositionAgent _opposition;
    private readonly CoalitionAgent _coalition;
    private readonly PatronAgent _patrons;
    private readonly CoupProofingAgent _coupProofing;
    private readonly RankAndFile _troops;
    private readonly EventSchedule _events;
    private readonly CollapseWatch _collapse;
    private readonly HighCommandAgent _highCommand;
    private readonly EconomyEffects _economy;
    private readonly OfferEffects _offers;
    private readonly DecisionCoefficients _coefficients;
    private readonly DecisionKernelMode _kernel;
    private readonly int[] _choosers;
    private readonly int[] _queue;
    private readonly int[] _newDefectors;
    private ulong _key;
    private int _firstBlock;

    public Replication(SimulationPlan plan, DecisionKernelMode kernel = DecisionKernelMode.Auto)
    {
        _plan = plan;
        _kernel = DecisionKernels.Resolve(kernel);
        _corps = new OfficerCorps(plan);
        _orders = new ContactOrders(plan);
        _regime = new RegimeAgent(plan.Regime);
        _opposition = new OppositionAgent(plan.Decision);
        _coalition = new CoalitionAgent(plan, _opposition);
        _patrons = new PatronAgent(plan);
        _coupProofing = new CoupProofingAgent(plan);
        _troops = new RankAndFile(plan);
        _events = new EventSchedule(plan.Events, plan.FactionCount);
        _collapse = new CollapseWatch(plan);
        _highCommand = new HighCommandAgent(plan);
        _offers = new OfferEffects(plan.FactionCount) { ConditionalAmnesty = plan.Mechanisms.ConditionalAmnesty };
        _economy = new EconomyEffects(plan.Patrons.Length);
        _coefficients = new DecisionCoefficients(plan.ClassFaction, plan.ClassFate);
        _coefficients.Configure(plan.Mechanisms);
        _choosers = new int[plan.OfficerCount];
        _queue = new int[plan.OfficerCount];
        _newDefectors = new int[plan.OfficerCount];
        Metrics = new RunMetrics(plan);
    }

    /// <summary>
    /// Points this worker at <paramref name="plan"/>, a plan of the same shape as the one it was built on (from
    /// <see cref="SimulationPlan.WithStructure"/>: it differs only in the structural parameters). Allocates nothing:
    /// a posterior run switches particles without compiling a plan or allocating a worker.
    /// </summary>
    /// <exception cref="ArgumentException">The plan's shape differs (another officer layout).</exception>
    public void Rebind(SimulationPlan plan)
    {
        if (ReferenceEquals(plan, _plan))
        {
            return;
        }

        if (!ReferenceEquals(plan.FactionOf, _plan.FactionOf) || !ReferenceEquals(plan.Mechanisms, _plan.Mechanisms))
        {
            throw new ArgumentException("A worker rebinds only to a plan of its own shape (SimulationPlan.WithStructure of the plan it was built on).", nameof(plan));
        }

        _plan = plan;
        _corps.Rebind(plan);
        _troops.Rebind(plan);
        _regime.Rebind(plan.Regime);
        _opposition.Rebind(plan.Decision);
    }

    /// <summary>When set, each week's story is recorded (tracing one replication; never in batches).</summary>
    internal TraceRecorder? Trace { get; set; }

    /// <summary>What the last replication measured (overwritten by the next).</summary>
    public RunMetrics Metrics { get; }

    internal OfficerCorps Corps => _corps;

    internal DecisionCoefficients Coefficients => _coefficients;

    /// <summary>Runs replication <paramref name="replication"/> of seed <paramref name="seed"/> into <see cref="Metrics"/>.</summary>
    public void Run(ulong seed, long replication) => Run(seed, replication, [], []);

    /// <summary>
    /// Runs replication <paramref name="replication"/> with its weekly draws taken, from each branch's week on, from
    /// the branch's key (adaptive multilevel splitting), writing each week's collapse score (<see cref="CollapseWatch.Score"/>)
    /// into <paramref name="scores"/> when it is not empty. With no branches it is <see cref="Run(ulong, long)"/>.
    /// </summary>
    public void Run(ulong seed, long replication, ReadOnlySpan<KeySwitch> branches, Span<double> scores)
    {
        _key = DrawKey.ForReplication(seed, replication);
        _random.Reset(seed, replication, StreamKeys.Agents);
        _corps.Sample(_random);
        if (_plan.Decision.HasGrievances)
        {
            _random.Reset(seed, replication, StreamKeys.Grievance);
            _corps.DrawGrievances(_random);
        }

        _random.Reset(seed, replication, StreamKeys.Network);
        _corps.Ties.Draw(_random);
        _random.Reset(seed, replication, StreamKeys.Policy);
        _orders.Draw(_random, _corps.Sanctioned);
        _random.Reset(seed, replication, StreamKeys.Events);
        _events.Draw(_random);
        Simulate(branches, null, scores);
    }

    /// <summary>
    /// Runs the replication whose every draw reads <paramref name="inputs"/> (sequential Monte Carlo for static rare
    /// events): officers, ties, contact orders and events from blocks <see cref="InputBlocks.Agents"/> …
    /// <see cref="InputBlocks.Events"/>, week w's counter-based draws from the key of coordinate w of
    /// <see cref="InputBlocks.Weeks"/>. Writes each week's collapse score into <paramref name="scores"/>.
    /// With <paramref name="firstBlock"/> = k every block index is shifted by k (k + 0 … k + 4), so two replications
    /// can read disjoint, independent blocks of one set of inputs (<see cref="RareEvents.JointCollapse"/>).
    /// </summary>
    public void Run(RandomInputs inputs, Span<double> scores, int firstBlock = 0)
    {
        _firstBlock = firstBlock;
        _random.Follow(inputs, firstBlock + InputBlocks.Agents);
        _corps.Sample(_random);
        if (_plan.Decision.HasGrievances)
        {
            _random.Follow(inputs, firstBlock + InputBlocks.Grievance);
            _corps.DrawGrievances(_random);
        }

        _random.Follow(inputs, firstBlock + InputBlocks.Network);
        _corps.Ties.Draw(_random);
        _random.Follow(inputs, firstBlock + InputBlocks.Policy);
        _orders.Draw(_random, _corps.Sanctioned);
        _random.Follow(inputs, firstBlock + InputBlocks.Events);
        _events.Draw(_random);
        _random.Reset(0, 0, 0); // stop following: the stream holds no reference to the inputs between replications
        Simulate([], inputs, scores);
    }

    private void Simulate(ReadOnlySpan<KeySwitch> branches, RandomInputs? randomInputs, Span<double> scores)
    {
        RunMetrics o = Metrics;
        o.Reset();
        o.Cohesion = _corps.Cohesion;
        _corps.Muster();
        _regime.Reset();
        _coalition.Reset();
        _patrons.Reset();
        _coupProofing.Reset();
        _troops.Reset();
        _collapse.Reset();
        _highCommand.Reset();
        double share = 0.0; // the defected share of command strength, as of last week's news
        int branch = 0;
        for (int week = 0; week < _plan.Weeks; week++)
        {
            if (branch < branches.Length && branches[branch].Week == week)
            {
                _key = branches[branch++].Key; // a splitting clone: fresh randomness from this week on
            }

            if (randomInputs is not null)
            {
                _key = randomInputs.Key(_firstBlock + InputBlocks.Weeks, week);
            }

            if (week == 0 && _highCommand.Enabled)
            {
                _highCommand.Draw(_key); // the high command's persistent draws (a purpose of their own)
            }

            // 1. the coalition: who is in, which instruments are in force, what they cut; the patrons' offsets; the regime's finances
            _coalition.UpdateMembership(week, share, _key, o);
            _coalition.ApplyToEconomy(_economy, o.SenderCostBuffer);
            _patrons.Support(week, _economy, _plan.Regime);
            _regime.Finances(_economy, _patrons.Offsets);
            double extraDetection = _patrons.DetectionAssistance + _coupProofing.DetectionBonus;
            _regime.SetExtraDetection(_highCommand.Enabled ? extraDetection + _highCommand.DetectionBonus : extraDetection);
            o.PayRaiseWeeks += _regime.PaidRaise ? 1 : 0;

            // 2. events in force; the week's terms of the decision rule and the offers to each faction
            _events.Week(week, share, _plan.Mechanisms);
            WeekTerms terms = ActorTerms.Of(_plan.Decision, _plan.Regime, _regime, _opposition, _events, share, _coupProofing.OmegaFactor);
            _coalition.ApplyToOffers(_offers);
            if (_plan.Mechanisms.Backfire)
            {
                _coefficients.SetOrders(_events.Ordered, _plan.ClassFaction, _plan.Mechanisms.ClassOrderCost); // Eq. 23
            }

            _coefficients.Set(in terms, _offers.Offers);

            // 3. contact campaigns reach officers; officers decide
            int reached = _coalition.Reach(_corps, _orders, o.SenderCostBuffer);
            o.Reached += reached;
            var inputs = new DecisionInputs(_corps, _coefficients, DrawKey.Row(_key, DrawPurpose.Decision, week));
            int chosen = DecisionKernels.Sweep(_kernel, in inputs, _queue, _choosers);
            int newCount = 0, purges = 0;
            for (int j = 0; j < chosen; j++)
            {
                Attempt(_choosers[j], week, terms.Detection, ref newCount, ref purges);
            }

            // 4. news of defections reaches their ties: within the week (cascading), or from next week on
            for (int head = 0; head < newCount; head++)
            {
                int u = _newDefectors[head];
                _corps.SpreadNews(u);
                if (_plan.Decision.CascadeWithinWeek)
                {
                    foreach (int v in _corps.Ties.Graph.Neighbors(u))
                    {
                        if (_corps.State[v] == OfficerCorps.Loyal && ScalarDecisionKernel.Chooses(in inputs, v))
                        {
                            Attempt(v, week, terms.Detection, ref newCount, ref purges);
                        }
                    }
                }
            }

            // 5. the rank and file desert or cross
            double previousShare = share;
            _troops.Week(week, _corps, _regime.Patronage, previousShare, terms.CrossingMultiplier, _offers.Offers, _key, o);

            // 6. the new share; the regime responds (its repertoire, fear, pay raises); the week is recorded; the
            //    senders and patrons revise their commitment; does the regime fall? If not, the high command deliberates
            //    and a move due this week acts (docs/model.md, §2b)
            share = _troops.Share(_corps);
            _coupProofing.Act(_corps, _regime, share - previousShare, _plan.Decision.PublicNewsWeight);
            _regime.Respond(purges + _coupProofing.Arrests, share - previousShare);
            o.RecordWeek(week, share, previousShare, newCount, purges, _regime);
            o.RecordAgents(week, _plan.Weeks, _coalition, _patrons, _coupProofing);
            ReviseCommitments(share);
            bool falls = _collapse.Falls(week, share, _troops, _corps);
            bool removed = !falls && _highCommand.Enabled && HighCommandWeek(week, share, in terms);
            bool gone = falls || removed; // the ruler is gone
            if (scores.Length > 0)
            {
                scores[week] = _collapse.Score(share, gone, _troops, _corps);
                if (gone)
                {
                    scores[(week + 1)..].Fill(scores[week]);
                }
            }

            Trace?.Record(week, share, _newDefectors.AsSpan(0, newCount), purges, reached, _regime, in terms, _coalition, _events, o, gone, _highCommand, removed);
            if (gone)
            {
                o.Collapsed = true;
                o.CollapseWeek = week;
                o.RemovedByHighCommand = removed;
                _coalition.ChargeAfterFall(_plan.Weeks - week - 1, removed, o.SenderCostBuffer); // costs over the whole horizon (Eq. 1g)
                break;
            }
        }

        o.Finish(share, _plan, _corps, _troops, _collapse, _patrons, _highCommand);
    }

    /// <summary>The high command's week (Eq. 16–19): true when it removes the ruler; a failed move's purged plotters count as purges and raise fear.</summary>
    private bool HighCommandWeek(int week, double share, in WeekTerms terms)
    {
        bool removed = _highCommand.Week(week, share, in terms, _corps);
        int purged = _highCommand.PurgedThisWeek;
        if (purged > 0)
        {
            Metrics.Purges += purged;
            _regime.AddFear(purged);
        }

        return removed;
    }

    /// <summary>Senders and patrons revise their commitment from the week's costs and what they see (Eq. 12).</summary>
    private void ReviseCommitments(double share)
    {
        RegimePlan r = _plan.Regime;
        double progress = share / _plan.CriticalShare;
        double burden = _regime.HumanitarianBurden / r.BaselineRevenue;
        _coalition.UpdateCommitments(Metrics.SenderCostBuffer, progress, _regime.RevenueLossShare, burden);
        _patrons.UpdateCommitments(progress, _regime.RevenueLossShare, burden);
    }

    /// <summary>Officer i attempts: purged if detected, else defects (news spreads in step 4) and any payments fall due.</summary>
    private void Attempt(int officer, int week, double detection, ref int newCount, ref int purges)
    {
        if (!_corps.Attempt(officer, week, detection, _key))
        {
            purges++;
            if (_plan.Mechanisms.ConditionalAmnesty)
            {
                _corps.SpreadPurge(officer); // his ties see what became of him (Eq. 21)
            }

            return;
        }

        _newDefectors[newCount++] = officer;
        Metrics.DefectedAgents[(_plan.FactionOf[officer] * 2) + _plan.Rank[officer]]++;
        bool reached = _corps.IsReached(officer);
        Metrics.DefectorsReached += reached ? 1 : 0;
        _coalition.ChargeDefection(reached, _plan.FactionOf[officer], Metrics.SenderCostBuffer);
    }
}

/// <summary>The blocks of <see cref="RandomInputs"/> a replication reads (<see cref="Replication.Run(RandomInputs, Span{double}, int)"/>).</summary>
internal static class InputBlocks
{
    public const int Agents = 0;
    public const int Network = 1;
    public const int Policy = 2;
    public const int Events = 3;
    public const int Weeks = 4;
    public const int Grievance = 5;

    /// <summary>
    /// Under a posterior, coordinate 0 of this block draws the replication's particle (<c>ScenarioSplitting</c>):
    /// an absolute block, past those of the two replications of <see cref="RareEvents.JointCollapse"/>.
    /// </summary>
    public const int Structure = RandomInputs.BlockCount - 1;
}
