namespace SanctionsSim.Model;

/// <summary>The kind of an exogenous event.</summary>
public enum EventKind
{
    /// <summary>A mass protest: officers perceive the regime as weaker (a shock to the perceived defected share).</summary>
    MassProtest = 0,

    /// <summary>An aid-convoy standoff at the border: a shock to perceived share and a chance to cross for rank and file.</summary>
    AidStandoff = 1,

    /// <summary>A crackdown: the regime's detection and reprisal rise.</summary>
    Crackdown = 2,
}
