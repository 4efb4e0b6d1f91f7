using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Simulation.Actors;

/// <summary>
/// The regime's repertoire against defection (docs/model.md, §Coup-proofing, Eq. 15–17). At the end of each week the
/// regime rates the suspicion of every loyal officer it could suspect,
/// σ_i = min(1, w_c·[reached] + w_d·D_i/T_i + w_s·[sanctioned]), and its threat θ = max(0, Δs) + Σσ/N. At θ ≥ θ* it
/// spends its budget b·R_t + d·(reachable reserves) greedily, best ratio first, on the actions that remove the most
/// perceived risk per dollar: arresting i removes σ_i; rotating i removes its tie part w_d·D_i/T_i; promoting i
/// removes e_P·σ_i; a unit of counterbalancing forces removes Σσ·Δq (the detection it adds); a week of information
/// control removes Σσ·ω·m (the public news it suppresses). Each officer gets at most one action a week; per-action
/// caps bound the week. Detection and information control so bought apply next week.
/// </summary>
internal sealed class CoupProofingAgent
{
    private const int ArrestAction = 0;
    private const int RotateAction = 1;
    private const int PromoteAction = 2;

    private readonly SimulationPlan _plan;
    private readonly CoupProofingPlan _k;
    private readonly double[] _keys;
    private readonly int[] _items;

    public CoupProofingAgent(SimulationPlan plan)
    {
        _plan = plan;
        _k = plan.CoupProofing;
        _keys = _k.IsActive ? new double[plan.OfficerCount] : [];
        _items = _k.IsActive ? new int[plan.OfficerCount] : [];
    }

    /// <summary>Officers arrested this week.</summary>
    public int Arrests { get; private set; }

    /// <summary>Officers rotated this week.</summary>
    public int Rotations { get; private set; }

    /// <summary>Officers promoted this week.</summary>
    public int Promotions { get; private set; }

    /// <summary>Units of counterbalancing forces paid this week.</summary>
    public int Units { get; private set; }

    /// <summary>The repertoire's spending this week (USD billion).</summary>
    public double Spending { get; private set; }

    /// <summary>The perceived threat θ this week.</summary>
    public double Threat { get; private set; }

    /// <summary>The detection the counterbalancing forces add next week.</summary>
    public double DetectionBonus { get; private set; }

    /// <summary>Whether information control is in force next week.</summary>
    public bool InformationControl { get; private set; }

    /// <summary>The factor on the public news weight ω next week: 1 − m under information control, else 1.</summary>
    public double OmegaFactor => InformationControl ? 1 - _k.InformationControl : 1.0;

    public void Reset()
    {
        Arrests = Rotations = Promotions = Units = 0;
        Spending = Threat = DetectionBonus = 0;
        InformationControl = false;
    }

    /// <summary>The week's response (see the class remarks).</summary>
    /// <param name="corps">The officers.</param>
    /// <param name="regime">The regime (its revenue, reachable reserves, patronage; reserves drawn).</param>
    /// <param name="shareGain">This week's gain of the defected share.</param>
    /// <param name="omega">The public news weight ω.</param>
    public void Act(OfficerCorps corps, RegimeAgent regime, double shareGain, double omega)
    {
        Reset(); // last week's actions are spent; what this week buys applies next week
        if (!_k.IsActive)
        {
            return;
        }

        // suspicion of every loyal suspect and each one's best action (ratio: perceived risk removed per dollar)
        ReadOnlySpan<int> suspects = corps.Suspects;
        ReadOnlySpan<byte> state = corps.State;
        ReadOnlySpan<double> ties = corps.TieWeight, defectedTies = corps.DefectedTieWeight;
        ReadOnlySpan<bool> sanctioned = corps.Sanctioned;
        double total = 0;
        int m = 0;
        foreach (int i in suspects)
        {
            if (state[i] != OfficerCorps.Loyal)
            {
                continue;
            }

            double tie = ties[i] > 0 ? _k.FromTies * defectedTies[i] / ties[i] : 0;
            double sigma = Math.Min(1.0, (corps.IsReached(i) ? _k.FromContact : 0) + tie + (sanctioned[i] ? _k.FromSanctions : 0));
            if (!(sigma > 0))
            {
                continue;
            }

            total += sigma;
            double best = 0;
            int action = -1;
            Consider(_k.MaxArrests > 0 && sigma >= _k.ArrestMinSuspicion, sigma / _k.ArrestCost, ArrestAction, ref best, ref action);
            Consider(_k.MaxRotations > 0 && !corps.IsRotated(i) && tie > 0, Math.Min(1.0, tie) / _k.RotationCost, RotateAction, ref best, ref action);
            Consider(_k.MaxPromotions > 0 && !corps.IsPromoted(i), _k.PromotionRiskReduction * sigma / _k.PromotionCost, PromoteAction, ref best, ref action);
            if (action >= 0)
            {
                _keys[m] = -best;
                _items[m++] = (i * 4) + action;
            }
        }

        Threat = Math.Max(0, shareGain) + (total / _plan.OfficerCount);
        if (Threat < _k.ThreatThreshold)
        {
            return;
        }

        double fromRevenue = _k.BudgetShare * Math.Max(0, regime.Revenue);
        double budget = fromRevenue + (_k.ReserveDrawShare * Math.Max(0, regime.ReachableReserves));
        MemoryExtensions.Sort(_keys.AsSpan(0, m), _items.AsSpan(0, m)); // best ratio first; equal ratios in a fixed order

        // the greedy merge of officer actions with the divisible ones
        double forceReliability = _k.ForceLoyalty * Math.Min(1.0, regime.Patronage);
        double unitGain = forceReliability * _k.DetectionPerUnit;
        bool informationOpen = _k.InformationControl > 0;
        bool unitsOpen = _k.MaxUnits > 0 && unitGain > 0;
        int next = 0;
        while (true)
        {
            double officerRatio = next < m ? -_keys[next] : 0;
            double informationRatio = informationOpen ? total * omega * _k.InformationControl / _k.InformationControlCost : 0;
            double unitRatio = unitsOpen && Units < _k.MaxUnits ? total * (1 - DetectionBonus) * unitGain / _k.UnitCost : 0;
            double bulk = Math.Max(informationRatio, unitRatio);
            if (!(Math.Max(officerRatio, bulk) > 0))
            {
                break;
            }

            if (officerRatio >= bulk)
            {
                int item = _items[next++];
                TryOfficer(corps, item >> 2, item & 3, budget);
            }
            else if (informationRatio >= unitRatio)
            {
                informationOpen = false;
                if (Spending + _k.InformationControlCost <= budget)
                {
                    Spending += _k.InformationControlCost;
                    InformationControl = true;
                }
            }
            else if (Spending + _k.UnitCost <= budget)
            {
                Spending += _k.UnitCost;
                Units++;
                DetectionBonus = 1 - ((1 - DetectionBonus) * (1 - unitGain));
            }
            else
            {
                unitsOpen = false; // no budget for another unit
            }
        }

        if (Spending > fromRevenue)
        {
            regime.DrawReserves(Spending - fromRevenue);
        }
    }

    private static void Consider(bool allowed, double ratio, int candidate, ref double best, ref int action)
    {
        if (allowed && ratio > best)
        {
            best = ratio;
            action = candidate;
        }
    }

    private void TryOfficer(OfficerCorps corps, int officer, int action, double budget)
    {
        switch (action)
        {
            case ArrestAction when Arrests < _k.MaxArrests && Spending + _k.ArrestCost <= budget:
                corps.Arrest(officer);
                Arrests++;
                Spending += _k.ArrestCost;
                break;
            case RotateAction when Rotations < _k.MaxRotations && Spending + _k.RotationCost <= budget:
                corps.Rotate(officer);
                Rotations++;
                Spending += _k.RotationCost;
                break;
            case PromoteAction when Promotions < _k.MaxPromotions && Spending + _k.PromotionCost <= budget:
                corps.Promote(officer, _k.PromotionGain);
                Promotions++;
                Spending += _k.PromotionCost;
                break;
        }
    }
}
