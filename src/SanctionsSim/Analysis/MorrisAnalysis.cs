using SanctionsSim.Experiments;
using SanctionsSim.Internal;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Analysis;

/// <summary>
/// Morris's elementary-effects screening (Morris 1991; μ* from Campolongo, Cariboni &amp; Saltelli 2007) on a
/// <see cref="MorrisDesign"/>. The elementary effect of input i on a step is EE_i = (f(x + Δe_i) − f(x)) / Δ in
/// unit coordinates, i.e. the change in output over the input's whole range, linearised: a linear model
/// f = Σ c_i x_i on ranges [a_i, b_i] gives EE_i = c_i (b_i − a_i) exactly, with σ = 0. μ* ranks inputs by
/// influence at r(k + 1) evaluations, far fewer than Sobol indices need; σ flags non-linearity and interactions.
/// </summary>
internal static class MorrisAnalysis
{
    /// <summary>Screens a deterministic model.</summary>
    /// <param name="model">The model.</param>
    /// <param name="parameters">The inputs.</param>
    /// <param name="trajectories">r, 2 to 10^6.</param>
    /// <param name="levels">p, even grid levels (default 4).</param>
    /// <param name="seed">Seed of the trajectories and the bootstrap.</param>
    /// <param name="bootstrap">Bootstrap resamples of the trajectories for μ*'s interval, 0 to 100,000.</param>
    /// <param name="confidence">Confidence level.</param>
    /// <returns>One entry per input.</returns>
    /// <exception cref="ArgumentException">An argument is out of range or the model returns a non-finite value.</exception>
    public static IReadOnlyList<MorrisIndex> Analyze(Func<double[], double> model, IReadOnlyList<ExperimentParameter> parameters, int trajectories, int levels = 4, ulong seed = 1, int bootstrap = 200, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(model);
        ExperimentParameter.ValidateAll(parameters, nameof(parameters));
        var design = new MorrisDesign(trajectories, parameters.Count, levels, seed);
        double[] outputs = Bootstrap.Evaluate(model, parameters, design);
        return FromOutputs(design, outputs, parameters.Select(p => p.Name).ToArray(), seed, bootstrap, confidence);
    }

    /// <summary>Morris measures from the outputs of a design's points (in the design's order).</summary>
    /// <param name="design">The design.</param>
    /// <param name="outputs">One finite output per point.</param>
    /// <param name="names">One name per input.</param>
    /// <param name="seed">Seed of the bootstrap.</param>
    /// <param name="bootstrap">Bootstrap resamples, 0 to 100,000.</param>
    /// <param name="confidence">Confidence level.</param>
    /// <returns>One entry per input.</returns>
    public static IReadOnlyList<MorrisIndex> FromOutputs(MorrisDesign design, IReadOnlyList<double> outputs, IReadOnlyList<string> names, ulong seed = 1, int bootstrap = 200, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(names);
        if (outputs.Count != design.Count || names.Count != design.Dimensions)
        {
            throw new ArgumentException($"Expected {design.Count} outputs and {design.Dimensions} names; got {outputs.Count} and {names.Count}.", nameof(outputs));
        }

        Guard.InRange(bootstrap, 0, 100_000);
        Guard.OpenUnit(confidence);
        int k = design.Dimensions, r = design.Trajectories;
        var effects = new double[k][];
        for (int i = 0; i < k; i++)
        {
            effects[i] = new double[r];
        }

        for (int t = 0; t < r; t++)
        {
            long start = (long)t * (k + 1);
            for (int step = 1; step <= k; step++)
            {
                var (input, direction) = design.Step(t, step);
                effects[input][t] = direction * (outputs[(int)(start + step)] - outputs[(int)(start + step - 1)]) / design.Delta;
            }
        }

        var boot = new RandomStream(seed, 0, KeyRegistry.Design(DesignUse.MorrisBootstrap)); // not (seed, 2, design): trajectory 2's stream (CHANGELOG)
        var stars = new double[k][];
        for (int i = 0; i < k; i++)
        {
            stars[i] = new double[bootstrap];
        }

        var pick = new int[r];
        for (int b = 0; b < bootstrap; b++)
        {
            for (int t = 0; t < r; t++)
            {
                pick[t] = boot.NextInt32(r);
            }

            for (int i = 0; i < k; i++)
            {
                double sum = 0;
                foreach (int t in pick)
                {
                    sum += Math.Abs(effects[i][t]);
                }

                stars[i][b] = sum / r;
            }
        }

        double tail = (1 - confidence) / 2;
        var result = new MorrisIndex[k];
        for (int i = 0; i < k; i++)
        {
            double[] e = effects[i];
            result[i] = new MorrisIndex
            {
                Name = names[i],
                Mu = e.Average(),
                MuStar = e.Average(Math.Abs),
                Sigma = MathNet.Numerics.Statistics.Statistics.StandardDeviation(e),
                MuStarInterval = bootstrap > 0 ? Bootstrap.Percentile(stars[i], tail, confidence) : new ConfidenceInterval(double.NaN, double.NaN, confidence),
            };
        }

        return result;
    }
}
