using SanctionsSim.Experiments;
using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Analysis;

/// <summary>One grid point of a tipping-point scan.</summary>
/// <param name="Value">The lever's value.</param>
/// <param name="Probability">The collapse probability there, with its standard error.</param>
/// <param name="Interval">Its Wilson interval.</param>
public readonly record struct TippingCurvePoint(double Value, ProportionEstimate Probability, ConfidenceInterval Interval);
