using SanctionsSim.Policy;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Simulation.Decision;

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
    private readonly double[] _classBonus;
    private readonly double[] _amnestyValue;
    private readonly double[] _amnestyPrior;
    private readonly double[] _amnestyProtection;
    private WeekTerms _terms;
    private bool _conditionalAmnesty;
    private bool _backfire;
    private double _priorStrength;
    private double _protectionAbroad;

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
        _classBonus = new double[classes];
        _amnestyValue = new double[4 * classes];
        _amnestyPrior = new double[4 * classes];
        _amnestyProtection = new double[4 * classes];
    }

    /// <summary>Whether Δ has a term of each officer's own beyond the group's coefficients (the conditional amnesty's belief: Eq. 20–22); the vector kernel is then not used.</summary>
    public bool HasOfficerTerms => _conditionalAmnesty;

    /// <summary>Switches on the revised mechanisms of <paramref name="m"/> that act through the coefficients (docs/model.md, §2c–2d).</summary>
    public void Configure(MechanismsPlan m)
    {
        _conditionalAmnesty = m.ConditionalAmnesty;
        _priorStrength = m.PriorStrength;
        _protectionAbroad = m.ProtectionAbroad;
        _backfire = m.Backfire;
    }

    /// <summary>The week's backfire bonus per class, ρ·g_k when the class's faction is ordered to carry out a crackdown in force, else 0 (Eq. 23); read by the next <see cref="Set"/>.</summary>
    public void SetOrders(ReadOnlySpan<bool> ordered, int[] classFaction, double[] classOrderCost)
    {
        for (int k = 0; k < _classBonus.Length; k++)
        {
            _classBonus[k] = ordered[classFaction[k]] ? classOrderCost[k] : 0;
        }
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
        if (_conditionalAmnesty)
        {
            // Eq. 20: the amnesty replaces the prosecution term (a defector no longer escapes P·J for free)
            _terms.Prosecution = 0;
            _terms.SanctionedProsecution = 0;
        }

        double fall = w.SharedFall;
        Alpha = DecisionRule.Alpha(fall, in w);
        double common = DecisionRule.Common(fall, in _terms);
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
                    if (_backfire)
                    {
                        _offers[g] += _classBonus[k]; // Eq. 23
                    }

                    if (_conditionalAmnesty)
                    {
                        _amnestyValue[g] = o.AmnestyPublicValue + (reached ? o.AmnestyPrivateValue : 0);
                        _amnestyPrior[g] = _priorStrength * (o.AmnestyPublicCredited + (reached ? o.AmnestyPrivateCredited : 0));
                        _amnestyProtection[g] = Math.Min(1.0, _protectionAbroad + Math.Min(1.0, o.PublicProtection + (reached ? o.PrivateProtection : 0)));
                    }

                    _gamma[g] = DecisionRule.Gamma(_offers[g], common, sanctioned, fall, _classFate[k], in _terms);
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

    /// <summary>
    /// The conditional amnesty's term of an officer of group <paramref name="group"/> (Eq. 20–21): A·c_i·Π_i, with A the
    /// amnesties' value, c_i = (n₀·c̄ + H_i) / (n₀ + H_i + X_i) the officer's posterior mean credibility (prior mean c̄,
    /// the value-weighted credibility of the instruments; H_i, X_i the tie weight he saw get away and purged) and
    /// Π_i = P_i + (1 − P_i)·h_g his probability of being protected. 0 without an amnesty or with the mechanism off.
    /// </summary>
    public double AmnestyTerm(int group, double fall, double honoured, double punished)
    {
        double value = _amnestyValue[group];
        if (!_conditionalAmnesty || value <= 0)
        {
            return 0;
        }

        double protection = fall + ((1 - fall) * _amnestyProtection[group]);
        return (_amnestyPrior[group] + (value * honoured)) * protection / (_priorStrength + honoured + punished);
    }

    /// <summary>Δ of an officer of group <paramref name="group"/> at an explicit P(fall) <paramref name="fall"/> (this week's other terms).</summary>
    public double DeltaAt(int group, double assets, double family, double loyalty, double fall)
    {
        double gamma = DecisionRule.Gamma(_offers[group], DecisionRule.Common(fall, in _terms), (group & 1) != 0, fall, _classFate[group >> 2], in _terms);
        return DecisionRule.Delta(assets, family, loyalty, _beta[group], gamma, DecisionRule.Alpha(fall, in _terms));
    }
}
