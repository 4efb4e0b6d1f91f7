using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation.Decision;
using SanctionsSim.Simulation.Draws;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Simulation.Actors;

/// <summary>
/// The officers: who they are (loyalty, family exposure, personal sanctions, assets abroad: drawn once per
/// replication), whom they know (<see cref="OfficerTies"/>), what they know (reached by a contact campaign, the
/// weight of their ties who have defected), and what became of them (loyal, defected, purged). docs/model.md,
/// §Officers.
/// </summary>
internal sealed class OfficerCorps
{
    public const byte Loyal = 0;
    public const byte Defected = 1;
    public const byte Purged = 2;

    private SimulationPlan _plan;
    private readonly double[] _loyalty;
    private readonly double[] _grievance;
    private readonly double[] _family;
    private readonly bool[] _sanctioned;
    private readonly double[] _assets;
    private readonly byte[] _state;
    private readonly bool[] _reached;
    private readonly double[] _defectedTieWeight;
    private readonly double[] _purgedTieWeight;
    private readonly int[] _defectWeek;
    private readonly int[] _group;
    private readonly double[] _defectedWeight;
    private readonly bool[] _rotated;
    private readonly bool[] _promoted;
    private readonly bool[] _listed;
    private readonly int[] _suspects;
    private readonly bool _trackSuspects;
    private int _suspectCount;

    /// <summary>Reads the structure of <paramref name="plan"/>, a plan of the same shape (<see cref="Replication.Rebind"/>).</summary>
    public void Rebind(SimulationPlan plan) => _plan = plan;

    public OfficerCorps(SimulationPlan plan)
    {
        _plan = plan;
        int n = plan.OfficerCount;
        _loyalty = new double[n];
        _grievance = new double[plan.Decision.HasGrievances ? n : 0];
        _family = new double[n];
        _sanctioned = new bool[n];
        _assets = new double[n];
        _state = new byte[n];
        _reached = new bool[n];
        _defectedTieWeight = new double[n];
        _purgedTieWeight = new double[plan.Mechanisms.ConditionalAmnesty ? n : 0];
        _defectWeek = new int[n];
        _group = new int[n];
        _defectedWeight = new double[plan.FactionCount];
        _rotated = new bool[n];
        _promoted = new bool[n];
        _listed = new bool[n];
        _suspects = new int[n];
        _trackSuspects = plan.CoupProofing.IsActive;
        Ties = new OfficerTies(plan);
    }

    /// <summary>The officers' ties (drawn per replication).</summary>
    public OfficerTies Ties { get; }

    /// <summary>This replication's army-wide loyalty shock (the cohesion draw).</summary>
    public double Cohesion { get; private set; }

    public ReadOnlySpan<byte> State => _state;

    public ReadOnlySpan<double> Loyalty => _loyalty;

    public ReadOnlySpan<double> Family => _family;

    /// <summary>Each officer's fixed grievance g_i of this replication (docs/model.md, Eq. 5'; empty when σ_g = 0).</summary>
    public ReadOnlySpan<double> Grievance => _grievance;

    public ReadOnlySpan<double> Assets => _assets;

    public ReadOnlySpan<bool> Sanctioned => _sanctioned;

    public ReadOnlySpan<double> TieWeight => Ties.Weight;

    public ReadOnlySpan<double> DefectedTieWeight => _defectedTieWeight;

    /// <summary>The weight of each officer's ties he saw detected and purged after an attempt (tracked only with the conditional amnesty on: empty otherwise).</summary>
    public ReadOnlySpan<double> PurgedTieWeight => _purgedTieWeight;

    /// <summary>Each officer's decision group (faction, reached, sanctioned): <see cref="DecisionRule.Group"/>.</summary>
    public ReadOnlySpan<int> Group => _group;

    /// <summary>The week each officer defected (−1: did not).</summary>
    public ReadOnlySpan<int> DefectWeek => _defectWeek;

    /// <summary>The troops commanded by the defected officers of faction <paramref name="faction"/>.</summary>
    public double DefectedWeight(int faction) => _defectedWeight[faction];

    public bool IsReached(int officer) => _reached[officer];

    /// <summary>Whether the regime has rotated the officer away from his ties.</summary>
    public bool IsRotated(int officer) => _rotated[officer];

    /// <summary>Whether the regime has promoted the officer.</summary>
    public bool IsPromoted(int officer) => _promoted[officer];

    /// <summary>
    /// The officers the regime could suspect: reached by a campaign, told of a defected tie, or personally
    /// sanctioned, in the order they became so (tracked only when the regime has a repertoire; may include officers
    /// no longer loyal).
    /// </summary>
    public ReadOnlySpan<int> Suspects => _suspects.AsSpan(0, _suspectCount);

    /// <summary>
    /// Draws every officer's attributes from the agents stream (docs/model.md, §Officers): loyalty
    /// ℓ = mean(rank) + cohesion + spread·N(0, 1); family exposure E ~ Beta; personally sanctioned with the
    /// rank's share; assets abroad A = median(rank) · exp(spread · N(0, 1)).
    /// </summary>
    public void Sample(RandomStream random)
    {
        SimulationPlan p = _plan;
        double cohesion = p.Decision.CohesionUncertainty * random.NextStandardNormal();
        Cohesion = cohesion;
        for (int f = 0; f < p.FactionCount; f++)
        {
            FactionPlan fa = p.Factions[f];
            for (int i = p.FactionStart[f]; i < p.FactionStart[f + 1]; i++)
            {
                bool general = p.Rank[i] == SimulationPlan.RankGeneral;
                _loyalty[i] = (general ? fa.GeneralLoyaltyMean : fa.SeniorLoyaltyMean) + cohesion + (fa.LoyaltySpread * random.NextStandardNormal());
                _family[i] = fa.FamilyExposureMean <= 0 ? 0 : fa.FamilyExposureMean >= 1 ? 1 : Variates.Beta(random, fa.FamilyExposureBetaA, fa.FamilyExposureBetaB);
                if (p.HasIdentities)
                {
                    // identity (docs/model.md, §Identity): a loyalty shift (per rank) and an exposure multiplier, no draw
                    int k = p.ClassOf[i];
                    _loyalty[i] += general ? p.ClassGeneralLoyaltyShift[k] : p.ClassSeniorLoyaltyShift[k];
                    _family[i] = Math.Min(1.0, _family[i] * p.ClassExposure[k]);
                }

                _sanctioned[i] = random.NextDouble() < (general ? fa.SanctionedShareGenerals : fa.SanctionedShareSeniors);
                double median = general ? fa.AssetsAbroadMedianGenerals : fa.AssetsAbroadMedianSeniors;
                _assets[i] = median * Math.Exp(fa.AssetsAbroadLogSpread * random.NextStandardNormal());
            }
        }
    }

    /// <summary>
    /// Draws every officer's fixed grievance g_i = σ_g · N(0, 1) from its own stream (docs/model.md, Eq. 5') and
    /// subtracts it from his private loyalty, so that it enters his utility of defecting every week. Called after
    /// <see cref="Sample"/>, only when σ_g &gt; 0; it draws nothing else and no other draw moves.
    /// </summary>
    public void DrawGrievances(RandomStream random)
    {
        double sd = _plan.Decision.GrievanceSd;
        for (int i = 0; i < _grievance.Length; i++)
        {
            double g = sd * random.NextStandardNormal();
            _grievance[i] = g;
            _loyalty[i] -= g;
        }
    }

    /// <summary>Every officer loyal, unreached, with no defected tie, at the start of a replication.</summary>
    public void Muster()
    {
        Array.Clear(_state);
        Array.Clear(_reached);
        Array.Clear(_defectedTieWeight);
        Array.Clear(_purgedTieWeight);
        Array.Fill(_defectWeek, -1);
        Array.Clear(_defectedWeight);
        Array.Clear(_rotated);
        Array.Clear(_promoted);
        for (int i = 0; i < _group.Length; i++)
        {
            _group[i] = DecisionRule.Group(_plan.ClassOf[i], reached: false, _sanctioned[i]);
        }

        if (_trackSuspects)
        {
            Array.Clear(_listed);
            _suspectCount = 0;
            for (int i = 0; i < _sanctioned.Length; i++)
            {
                if (_sanctioned[i])
                {
                    List(i);
                }
            }
        }
    }

    /// <summary>The regime arrests a loyal officer pre-emptively: he is purged (docs/model.md, Eq. 16).</summary>
    public void Arrest(int officer) => _state[officer] = Purged;

    /// <summary>The regime rotates an officer away from his ties: he forgets the defected ties he knew of and hears from them no more.</summary>
    public void Rotate(int officer)
    {
        _rotated[officer] = true;
        _defectedTieWeight[officer] = 0;
    }

    /// <summary>The regime promotes an officer: his loyalty rises by <paramref name="gain"/>.</summary>
    public void Promote(int officer, double gain)
    {
        _promoted[officer] = true;
        _loyalty[officer] += gain;
    }

    private void List(int officer)
    {
        if (!_listed[officer])
        {
            _listed[officer] = true;
            _suspects[_suspectCount++] = officer;
        }
    }

    /// <summary>A contact campaign reaches officer <paramref name="officer"/> if they are loyal, not yet reached and in the campaign's factions.</summary>
    /// <returns>Whether the officer was newly reached.</returns>
    public bool TryReach(int officer, bool[]? factionMask)
    {
        if (_state[officer] != Loyal || _reached[officer] || (factionMask is not null && !factionMask[_plan.FactionOf[officer]]))
        {
            return false;
        }

        _reached[officer] = true;
        _group[officer] |= 2;
        if (_trackSuspects)
        {
            List(officer);
        }

        return true;
    }

    /// <summary>
    /// Officer <paramref name="officer"/> tries to defect in week <paramref name="week"/>: detected with probability q
    /// (the detection draw), they are purged; otherwise they defect, taking their troops with them.
    /// </summary>
    /// <returns>Whether the officer defected (false: purged).</returns>
    public bool Attempt(int officer, int week, double detection, ulong key)
    {
        if (DrawKey.Uniform(key, DrawPurpose.Detection, week, officer) < detection)
        {
            _state[officer] = Purged;
            return false;
        }

        _state[officer] = Defected;
        _defectWeek[officer] = week;
        _defectedWeight[_plan.FactionOf[officer]] += _plan.Weight[officer];
        return true;
    }

    /// <summary>The news that <paramref name="officer"/> was purged after an attempt reaches his ties (the conditional amnesty's evidence X_i, Eq. 21; rotated officers hear nothing).</summary>
    public void SpreadPurge(int officer)
    {
        ReadOnlySpan<int> neighbours = Ties.Graph.Neighbors(officer);
        ReadOnlySpan<double> weights = Ties.Graph.Weights(officer);
        for (int j = 0; j < neighbours.Length; j++)
        {
            if (!_rotated[neighbours[j]])
            {
                _purgedTieWeight[neighbours[j]] += weights[j];
            }
        }
    }

    /// <summary>The news that <paramref name="defector"/> defected reaches their ties (Eq. 1: the weight of defected ties).</summary>
    public void SpreadNews(int defector)
    {
        ReadOnlySpan<int> neighbours = Ties.Graph.Neighbors(defector);
        ReadOnlySpan<double> weights = Ties.Graph.Weights(defector);
        for (int j = 0; j < neighbours.Length; j++)
        {
            int v = neighbours[j];
            if (!_rotated[v])
            {
                _defectedTieWeight[v] += weights[j];
                if (_trackSuspects)
                {
                    List(v);
                }
            }
        }
    }
}
