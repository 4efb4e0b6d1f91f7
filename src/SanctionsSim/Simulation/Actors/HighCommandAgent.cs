using MathNet.Numerics.Distributions;
using SanctionsSim.Cascades;
using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation.Decision;
using SanctionsSim.Simulation.Draws;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Simulation.Actors;

/// <summary>
/// The high command (docs/model.md, §2b, Eq. 16–19): each faction's top commanders play the global game
/// of regime change against the ruler at the end of every week. The regime's strength against a move is
/// θ(t) = κ·(1 − P(t)) + σ_θ·η, P(t) the public probability that the regime falls (Eq. 2b at this week's share and
/// shocks); commander j reads x_j(t) = θ(t) + σ·ε_j. He is willing when x_j is below his threshold x*_j, the
/// equilibrium threshold of <see cref="GlobalGame"/> at his cost c_j = (K + ℓ_j)/(B + K + ℓ_j) (ℓ_j his loyalty to the
/// ruler). The willing launch a move when the weight they hold reaches their pooled estimate of θ; it acts d weeks
/// later and succeeds when the weight still committed reaches θ then; a failed move's plotters are purged and
/// detection rises. η and the ε_j are drawn once per replication (purpose <see cref="DrawPurpose.HighCommand"/>,
/// week 0), like the corps' cohesion: a move follows the regime's public prospects, not a weekly lottery.
/// Allocates nothing per replication.
/// </summary>
internal sealed class HighCommandAgent
{
    private readonly HighCommandPlan _plan;
    private readonly double[] _error;
    private readonly int[] _committed;
    private readonly double[] _costLoyalty;
    private readonly double[] _costQuantile;
    private readonly double[] _solution;
    private int _committedCount;
    private double _eta;

    public HighCommandAgent(SimulationPlan plan)
    {
        _plan = plan.HighCommand;
        _error = new double[_plan.Members.Length];
        _committed = new int[_plan.Members.Length];
        _costLoyalty = new double[_plan.Members.Length];
        _costQuantile = new double[_plan.Members.Length];
        _solution = new double[_plan.Members.Length];
    }

    /// <summary>Whether the high command plays at all.</summary>
    public bool Enabled => _plan.Enabled;

    /// <summary>The detection added by failed moves so far.</summary>
    public double DetectionBonus { get; private set; }

    /// <summary>The week a launched move acts, or −1.</summary>
    public int MoveWeek { get; private set; }

    /// <summary>The share of command strength held by the commanders willing to move this week (0 while a move is pending).</summary>
    public double WillingWeight { get; private set; }

    /// <summary>Whether a move was launched this week.</summary>
    public bool Launched { get; private set; }

    /// <summary>Moves launched so far.</summary>
    public int Moves { get; private set; }

    /// <summary>Moves that failed so far.</summary>
    public int FailedMoves { get; private set; }

    /// <summary>Plotters purged this week after a failed move.</summary>
    public int PurgedThisWeek { get; private set; }

    /// <summary>Whether this week's move failed.</summary>
    public bool FailedThisWeek { get; private set; }

    public void Reset()
    {
        DetectionBonus = 0;
        MoveWeek = -1;
        WillingWeight = 0;
        Launched = false;
        Moves = 0;
        FailedMoves = 0;
        PurgedThisWeek = 0;
        FailedThisWeek = false;
        _committedCount = 0;
        _eta = 0;
        Array.Fill(_costLoyalty, double.NaN); // each member's Φ⁻¹(c_j), recomputed when his loyalty changes (a promotion)
        Array.Fill(_solution, double.NaN); // each member's last Φ⁻¹(θ*_j) solved: the reference point of the next weeks
    }

    /// <summary>The persistent draws: the regime's hidden strength η and each member's error ε_j, standard normals from week 0's key.</summary>
    public void Draw(ulong key)
    {
        _eta = Normal01(key, 0);
        for (int j = 0; j < _error.Length; j++)
        {
            _error[j] = Normal01(key, j + 1);
        }
    }

    /// <summary>
    /// The end of week <paramref name="week"/>, the regime standing: the commanders deliberate (when no move is pending)
    /// and a move due this week acts. Returns true when the ruler is removed.
    /// </summary>
    /// <param name="week">The week.</param>
    /// <param name="share">S(t): this week's defected share of command strength.</param>
    /// <param name="terms">The week's terms (shocks, revenue loss, the P(fall) curve).</param>
    /// <param name="corps">The officers (members' loyalty and state; failed plotters are purged there).</param>
    public bool Week(int week, double share, in WeekTerms terms, OfficerCorps corps)
    {
        Launched = false;
        FailedThisWeek = false;
        PurgedThisWeek = 0;
        WillingWeight = 0;
        double prior = PublicStrength(share, in terms);
        if (MoveWeek < 0)
        {
            Deliberate(week, prior, corps);
        }

        if (MoveWeek != week)
        {
            return false;
        }

        // the move acts: the weight still committed against the regime's strength now (Eq. 19)
        MoveWeek = -1;
        double committed = 0;
        ReadOnlySpan<byte> state = corps.State;
        for (int k = 0; k < _committedCount; k++)
        {
            int j = _committed[k];
            if (state[_plan.Members[j]] == OfficerCorps.Loyal)
            {
                committed += _plan.MemberWeight[j];
            }
        }

        double theta = prior + (_plan.StrengthNoise * _eta);
        if (committed > 0 && committed >= theta)
        {
            return true;
        }

        // failed: the plotters still in place are purged, and the regime watches harder from now on
        FailedMoves++;
        FailedThisWeek = true;
        for (int k = 0; k < _committedCount; k++)
        {
            int officer = _plan.Members[_committed[k]];
            if (state[officer] == OfficerCorps.Loyal)
            {
                corps.Arrest(officer);
                PurgedThisWeek++;
            }
        }

        _committedCount = 0;
        DetectionBonus = Math.Min(1.0, DetectionBonus + _plan.DetectionAfterFailure);
        return false;
    }

    /// <summary>y(t) = κ·(1 − P(t)): the regime's strength against a move as public information shows it (Eq. 16).</summary>
    private double PublicStrength(double share, in WeekTerms terms)
        => _plan.SuccessThreshold * (1 - DecisionRule.FallProbability(Math.Clamp(share + terms.Shock, 0.0, 1.0), in terms));

    /// <summary>Who is willing (Eq. 17–18), and whether the willing launch a move.</summary>
    private void Deliberate(int week, double prior, OfficerCorps corps)
    {
        HighCommandPlan p = _plan;
        double theta = prior + (p.StrengthNoise * _eta);
        ReadOnlySpan<byte> state = corps.State;
        ReadOnlySpan<double> loyalty = corps.Loyalty;
        int willing = 0;
        double weight = 0, signals = 0;
        for (int j = 0; j < p.Members.Length; j++)
        {
            int officer = p.Members[j];
            if (state[officer] != OfficerCorps.Loyal)
            {
                continue;
            }

            double x = theta + (p.SignalNoise * _error[j]);
            if (Willing(j, x, prior, loyalty[officer]))
            {
                _committed[willing++] = j;
                weight += p.MemberWeight[j];
                signals += x;
            }
        }

        WillingWeight = weight;
        if (willing == 0)
        {
            return;
        }

        // the willing pool their readings (the posterior mean of θ given n signals and the public prior) and move if
        // the weight they hold reaches it
        double estimate = ((p.PriorPrecision * prior) + (p.SignalPrecision * signals)) / (p.PriorPrecision + (willing * p.SignalPrecision));
        if (weight >= estimate)
        {
            _committedCount = willing;
            MoveWeek = week + p.DeliberationWeeks;
            Launched = true;
            Moves++;
        }
    }

    /// <summary>
    /// Whether a commander with reading <paramref name="x"/> and loyalty ℓ joins: joining gains B if the move succeeds and
    /// costs K if it fails, staying keeps ℓ if it fails; he joins when P(success | x) ≥ c = (K + ℓ)/(B + K + ℓ), which in the
    /// global game's equilibrium is x &lt; x*(c) (Eq. 17–18). Joining dominates when K + ℓ ≤ 0; with B = 0 he never joins.
    /// </summary>
    private bool Willing(int member, double x, double prior, double loyalty)
    {
        double stake = _plan.FailureCost + loyalty;
        if (stake <= 0)
        {
            return true;
        }

        if (!(_plan.Gain > 0))
        {
            return false;
        }

        if (!(loyalty == _costLoyalty[member]))
        {
            _costLoyalty[member] = loyalty;
            _costQuantile[member] = Normal.InvCDF(0, 1, stake / (_plan.Gain + stake));
        }

        return GlobalGame.BelowSignalThreshold(x, prior, _plan.PriorPrecision, _plan.SignalPrecision, _costQuantile[member], ref _solution[member]);
    }

    private static double Normal01(ulong key, int index)
        => Normal.InvCDF(0, 1, RandomStream.ToUniform(DrawKey.Bits(key, DrawPurpose.HighCommand, 0, index)) + 5.5511151231257827e-17); // 2⁻⁵⁴: keeps the uniform inside (0, 1)
}
