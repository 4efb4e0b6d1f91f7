using SanctionsSim.Policy;

namespace SanctionsSim.Simulation;

/// <summary>
/// One week's coefficients of <see cref="DecisionRule"/> for every group g = (class, reached, sanctioned), at the
/// shared P(fall), and the way to get an officer's own when their P(fall) is their own. Computed once a week for
/// the 4 × classes groups (a class is a faction, or one of its identity groups); the kernels read them.
/// </summary>
internal sealed class DecisionCoefficients
{
    private readonly double[] _beta;
    private readonly double[] _gamma;
    private readonly double[] _offers;
    private readonly int[] _classFaction;
    private readonly double[] _classFate;
    private WeekTerms _terms;

    /// <summary>Coefficients for one class per faction, without identity fates.</summary>
    public DecisionCoefficients(int factions)
        : this(Enumerable.Range(0, factions).ToArray(), new double[factions])
    {
    }

    /// <summary>Coefficients for the given classes: each class's faction and fate F if the regime falls.</summary>
    public DecisionCoefficients(int[] classFaction, double[] classFate)
    {
        _classFaction = classFaction;
        _classFate = classFate;
        int classes = classFaction.Length;
        _beta = new double[4 * classes];
        _gamma = new double[4 * classes];
        _offers = new double[4 * classes];
    }

    /// <summary>β_g.</summary>
    public ReadOnlySpan<double> Beta => _beta;

    /// <summary>γ_g at the shared P(fall).</summary>
    public ReadOnlySpan<double> Gamma => _gamma;

    /// <summary>α at the shared P(fall).</summary>
    public double Alpha { get; private set; }

    /// <summary>1 / τ; 0 when decisions are deterministic.</summary>
    public double InverseTau { get; private set; }

    /// <summary>Whether τ = 0: officers defect exactly when Δ ≥ 0.</summary>
    public bool ZeroNoise { get; private set; }

    public ref readonly WeekTerms Terms => ref _terms;

    /// <summary>Sets the week's coefficients from its terms and the offers to each faction.</summary>
    public void Set(in WeekTerms w, ReadOnlySpan<FactionOffers> offers)
    {
        _terms = w;
        double fall = w.SharedFall;
        Alpha = DecisionRule.Alpha(fall, in w);
        double common = DecisionRule.Common(fall, in w);
        ZeroNoise = w.Tau <= 0;
        InverseTau = ZeroNoise ? 0 : 1.0 / w.Tau;
        for (int k = 0; k < _classFaction.Length; k++)
        {
            ref readonly FactionOffers o = ref offers[_classFaction[k]];
            for (int r = 0; r < 2; r++)
            {
                for (int s = 0; s < 2; s++)
                {
                    bool reached = r == 1, sanctioned = s == 1;
                    int g = DecisionRule.Group(k, reached, sanctioned);
                    _beta[g] = DecisionRule.Beta(in o, reached, sanctioned);
                    _offers[g] = DecisionRule.Offers(in o, reached);
                    _gamma[g] = DecisionRule.Gamma(_offers[g], common, sanctioned, fall, _classFate[k], in w);
                }
            }
        }
    }

    /// <summary>γ and α of an officer of group <paramref name="group"/> whose P(fall) is their own.</summary>
    public void OwnFall(int group, double defectedTies, double ties, out double gamma, out double alpha)
    {
        double fall = DecisionRule.OwnFall(defectedTies, ties, in _terms);
        alpha = DecisionRule.Alpha(fall, in _terms);
        gamma = DecisionRule.Gamma(_offers[group], DecisionRule.Common(fall, in _terms), (group & 1) != 0, fall, _classFate[group >> 2], in _terms);
    }

    /// <summary>Δ of an officer of group <paramref name="group"/> at an explicit P(fall) <paramref name="fall"/> (this week's other terms).</summary>
    public double DeltaAt(int group, double assets, double family, double loyalty, double fall)
    {
        double gamma = DecisionRule.Gamma(_offers[group], DecisionRule.Common(fall, in _terms), (group & 1) != 0, fall, _classFate[group >> 2], in _terms);
        return DecisionRule.Delta(assets, family, loyalty, _beta[group], gamma, DecisionRule.Alpha(fall, in _terms));
    }
}
