using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Simulation.Actors;

/// <summary>
/// The collapse rule (docs/model.md, §Collapse): the regime falls when the defected share of command strength
/// reaches the critical share, or (when that rule is on) when any one faction's share reaches the faction
/// critical share. Records when each faction first tipped, and which tipped first.
/// </summary>
internal sealed class CollapseWatch
{
    private readonly SimulationPlan _plan;
    private readonly int[] _tipWeek;
    private int _splitWeek;

    public CollapseWatch(SimulationPlan plan)
    {
        _plan = plan;
        _tipWeek = new int[plan.FactionCount];
    }

    public void Reset()
    {
        Array.Fill(_tipWeek, -1);
        _splitWeek = -1;
    }

    /// <summary>The first week a faction's own share reached the split share while the regime stood (<see cref="Model.OutcomeType.Split"/>), or −1.</summary>
    public int SplitWeek => _splitWeek;

    /// <summary>Whether the regime falls in week <paramref name="week"/> at share <paramref name="share"/>.</summary>
    public bool Falls(int week, double share, RankAndFile troops, OfficerCorps corps)
    {
        bool factionTipped = false, split = false;
        for (int f = 0; f < _plan.FactionCount; f++)
        {
            double fs = troops.FactionShare(f, corps);
            if (_tipWeek[f] < 0 && fs >= _plan.CriticalShare)
            {
                _tipWeek[f] = week;
            }

            factionTipped |= _plan.FactionCriticalShare < 1.0 && fs >= _plan.FactionCriticalShare; // 1 = rule off
            split |= fs >= _plan.SplitShare;
        }

        bool falls = share >= _plan.CriticalShare || factionTipped;
        if (split && !falls && _splitWeek < 0 && _plan.FactionCount >= 2)
        {
            _splitWeek = week; // a branch went over as a body while the regime stands: classifies the run, never ends it
        }

        return falls;
    }

    /// <summary>
    /// How close the regime is to falling, the score of rare-event splitting: the defected share over the critical
    /// share, or a faction's share over the faction critical share when that rule is on, whichever is larger; at least
    /// 1 exactly when the regime falls, below 1 otherwise.
    /// </summary>
    public double Score(double share, bool falls, RankAndFile troops, OfficerCorps corps)
    {
        double score = share / _plan.CriticalShare;
        if (_plan.FactionCriticalShare < 1.0)
        {
            for (int f = 0; f < _plan.FactionCount; f++)
            {
                score = Math.Max(score, troops.FactionShare(f, corps) / _plan.FactionCriticalShare);
            }
        }

        return falls ? Math.Max(score, 1.0) : Math.Min(score, Math.BitDecrement(1.0));
    }

    /// <summary>
    /// The faction that tipped first (earliest week past the critical share; ties: the larger final share); after a
    /// collapse with none past it, the faction with the largest final share; otherwise −1.
    /// </summary>
    public int FirstTipping(ReadOnlySpan<double> finalShares, bool collapsed)
    {
        int first = -1;
        for (int f = 0; f < _plan.FactionCount; f++)
        {
            int tw = _tipWeek[f];
            if (tw >= 0 && (first < 0 || tw < _tipWeek[first] || (tw == _tipWeek[first] && finalShares[f] > finalShares[first])))
            {
                first = f;
            }
        }

        if (first < 0 && collapsed)
        {
            for (int f = 0; f < _plan.FactionCount; f++)
            {
                if (first < 0 || finalShares[f] > finalShares[first])
                {
                    first = f;
                }
            }
        }

        return first;
    }
}
