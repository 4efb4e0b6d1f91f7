using SanctionsSim.Policy;
using SanctionsSim.Simulation.Draws;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Simulation.Actors;

/// <summary>
/// The rank and file: troops who desert (more when pay falls) or cross to the opposition (more when defections
/// are public and offers are made), drawn as weekly counts per faction; and the defected share of command
/// strength they make up with the officers. docs/model.md, §Rank and file (Eq. 7, 12–13).
/// </summary>
internal sealed class RankAndFile
{
    private SimulationPlan _plan;
    private readonly double[] _crossed;
    private readonly double[] _deserted;
    private readonly double _sharePull;

    /// <summary>Reads the structure of <paramref name="plan"/>, a plan of the same shape (<see cref="Replication.Rebind"/>).</summary>
    public void Rebind(SimulationPlan plan) => _plan = plan;

    public RankAndFile(SimulationPlan plan)
    {
        _plan = plan;
        _sharePull = plan.Scenario.Decision.CrossingSharePull;
        _crossed = new double[plan.FactionCount];
        _deserted = new double[plan.FactionCount];
    }

    /// <summary>Troops of faction f who crossed to the opposition.</summary>
    public double Crossed(int faction) => _crossed[faction];

    /// <summary>Troops of faction f who deserted.</summary>
    public double Deserted(int faction) => _deserted[faction];

    public void Reset()
    {
        Array.Clear(_crossed);
        Array.Clear(_deserted);
    }

    /// <summary>One week's desertions and crossings in every faction (Eq. 12–13).</summary>
    /// <param name="week">The week.</param>
    /// <param name="corps">The officers (troops of defected officers have left with them).</param>
    /// <param name="patronage">B_t / B₀.</param>
    /// <param name="publicShare">Last week's defected share.</param>
    /// <param name="crossingMultiplier">Events' multiplier of crossings.</param>
    /// <param name="offers">The week's offers per faction (public offers pull troops across).</param>
    /// <param name="key">The replication's draw key.</param>
    /// <param name="metrics">Where the week's counts are recorded.</param>
    public void Week(int week, OfficerCorps corps, double patronage, double publicShare, double crossingMultiplier, ReadOnlySpan<FactionOffers> offers, ulong key, RunMetrics metrics)
    {
        for (int f = 0; f < _plan.FactionCount; f++)
        {
            FactionPlan fa = _plan.Factions[f];
            double remaining = _plan.FactionTroops[f] - corps.DefectedWeight(f) - _crossed[f] - _deserted[f];
            if (remaining <= 0)
            {
                continue;
            }

            double desertRate = Math.Min(1, fa.DesertionRatePerWeek + (fa.DesertionPaySensitivity * Math.Max(0, 1 - patronage)));
            double deserted = Math.Min(remaining, Count(desertRate * remaining, key, DrawPurpose.Desertion, DrawPurpose.DesertionNormal, week, f));
            _deserted[f] += deserted;
            remaining -= deserted;
            double pull = 1 + offers[f].PublicOffer + offers[f].AmnestyPublicCredited + (_sharePull * publicShare); // the second offer term is 0 unless the conditional amnesty is on
            double crossRate = Math.Min(1, fa.LowRankDefectionRatePerWeek * pull * crossingMultiplier * fa.CrossingIdentityFactor);
            double crossed = Math.Min(remaining, Count(crossRate * remaining, key, DrawPurpose.Crossing, DrawPurpose.CrossingNormal, week, f));
            _crossed[f] += crossed;
            metrics.LowRankCrossedPath[week] += crossed;
            metrics.DesertedPath[week] += deserted;
        }
    }

    /// <summary>Defected troops of faction f: its defected officers' troops, plus crossings from the units still loyal (Eq. 7).</summary>
    public double DefectedTroops(int faction, OfficerCorps corps)
    {
        double troops = _plan.FactionTroops[faction];
        double officers = corps.DefectedWeight(faction);
        return officers + (_crossed[faction] * Math.Max(0, 1 - (officers / troops)));
    }

    /// <summary>s_f: the defected share of faction f (the weight sum may exceed the troops by an ulp: clamped).</summary>
    public double FactionShare(int faction, OfficerCorps corps) => Math.Clamp(DefectedTroops(faction, corps) / _plan.FactionTroops[faction], 0.0, 1.0);

    /// <summary>s: the importance-weighted defected share of command strength (Eq. 7).</summary>
    public double Share(OfficerCorps corps)
    {
        double total = 0;
        for (int f = 0; f < _plan.FactionCount; f++)
        {
            total += _plan.FactionImportance[f] * DefectedTroops(f, corps);
        }

        return Math.Min(1.0, total / _plan.ImportanceWeightedStrength);
    }

    /// <summary>
    /// A count with mean λ from counter-based uniforms: Poisson by inversion below 30, the normal approximation
    /// (Box–Muller on a second uniform) above. Written out because it must be a pure function of two keyed
    /// uniforms (common random numbers across policy arms), which MathNet's samplers, drawing from a generator, are not.
    /// </summary>
    private static double Count(double mean, ulong key, DrawPurpose purpose, DrawPurpose normalPurpose, int week, int faction)
    {
        if (mean <= 0)
        {
            return 0;
        }

        double u = DrawKey.Uniform(key, purpose, week, faction);
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

        double u2 = DrawKey.Uniform(key, normalPurpose, week, faction);
        double z = Math.Sqrt(-2 * Math.Log(1 - u)) * Math.Cos(2 * Math.PI * u2);
        return Math.Max(0, Math.Round(mean + (Math.Sqrt(mean) * z)));
    }
}
