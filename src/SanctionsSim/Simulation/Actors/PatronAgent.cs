using SanctionsSim.Policy;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Simulation.Actors;

/// <summary>
/// The regime's outside patrons (docs/model.md, §Patrons, Eq. 13–14): while committed and not withdrawn, each makes
/// good part of the oil revenue the sanctions cut and lends cash (both cut by secondary sanctions), and its
/// security assistance raises detection. Its cost is its offsets plus its exposure to secondary sanctions; its
/// commitment follows <see cref="CommitmentPlan.Next"/>.
/// </summary>
internal sealed class PatronAgent
{
    private readonly SimulationPlan _plan;
    private readonly double[] _commitment;
    private readonly double[] _nextCommitment;
    private readonly double[] _offset;
    private readonly double[] _cost;
    private readonly double[] _totalCost;
    private readonly CommitmentPlan[] _laws;

    public PatronAgent(SimulationPlan plan)
    {
        _plan = plan;
        int n = plan.Patrons.Length;
        _commitment = new double[n];
        _nextCommitment = new double[n];
        _offset = new double[n];
        _cost = new double[n];
        _totalCost = new double[n];
        _laws = plan.Patrons.Select(x => x.Commitment).ToArray();
    }

    /// <summary>Σ of the patrons' offsets this week (USD billion).</summary>
    public double Offsets { get; private set; }

    /// <summary>Σ of the patrons' security assistance this week (added to detection).</summary>
    public double DetectionAssistance { get; private set; }

    /// <summary>Patron <paramref name="p"/>'s commitment.</summary>
    public double Commitment(int p) => _commitment[p];

    /// <summary>Patron <paramref name="p"/>'s offset this week (USD billion).</summary>
    public double Offset(int p) => _offset[p];

    /// <summary>Patron <paramref name="p"/>'s cost so far (USD billion).</summary>
    public double TotalCost(int p) => _totalCost[p];

    public void Reset()
    {
        for (int p = 0; p < _commitment.Length; p++)
        {
            _commitment[p] = _plan.Patrons[p].Commitment.Initial;
        }

        Array.Clear(_offset);
        Array.Clear(_cost);
        Array.Clear(_totalCost);
        Offsets = 0;
        DetectionAssistance = 0;
    }

    /// <summary>
    /// The week's support (Eq. 13): O_p = c_p·k·(φ_p·(oil₀ − oil_t) + loans_p) with k the share secondary sanctions
    /// leave, and detection assistance c_p·d_p; nothing before a patron's start week or while its commitment is below
    /// its withdrawal level. Its cost: O_p + (1 − k)·exposure_p.
    /// </summary>
    public void Support(int week, EconomyEffects economy, RegimePlan regime)
    {
        double oilLost = regime.OilRevenuePerWeek * (1 - economy.OilRevenueKept);
        double offsets = 0, detection = 0;
        for (int p = 0; p < _commitment.Length; p++)
        {
            PatronPlan patron = _plan.Patrons[p];
            double c = _commitment[p];
            double kept = economy.PatronSupportKept(p);
            bool supports = week >= patron.StartWeek && !(c < patron.WithdrawBelow) && c > 0;
            _offset[p] = supports ? c * kept * ((patron.OilPurchaseShare * oilLost) + patron.LoansPerWeek) : 0;
            _cost[p] = _offset[p] + (week >= patron.StartWeek ? (1 - kept) * patron.SecondarySanctionsExposure : 0);
            _totalCost[p] += _cost[p];
            offsets += _offset[p];
            detection += supports ? c * patron.DetectionAssistance : 0;
        }

        Offsets = offsets;
        DetectionAssistance = detection;
    }

    /// <summary>Every patron's commitment moves at once (Eq. 12, with the patron's cost and the other patrons as partners).</summary>
    public void UpdateCommitments(double progress, double loss, double burden)
    {
        CommitmentPlan.ReviseAll(_laws, _commitment, _nextCommitment, _cost, burden, progress, loss);
    }
}
