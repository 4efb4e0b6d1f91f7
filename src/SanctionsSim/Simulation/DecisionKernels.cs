using SanctionsSim.Simulation.Kernels;

namespace SanctionsSim.Simulation;

/// <summary>Chooses the decision kernel: the vector sweep where 256-bit vectors are accelerated, unless switched off by option or by the environment variable <c>SANCTIONSSIM_DECISION_KERNEL=scalar</c>.</summary>
internal static class DecisionKernels
{
    /// <summary>The environment variable that selects the kernel when the option is <see cref="DecisionKernelMode.Auto"/>: <c>scalar</c> or <c>vector</c>.</summary>
    public const string EnvironmentVariable = "SANCTIONSSIM_DECISION_KERNEL";

    /// <summary>The kernel a model built with <paramref name="requested"/> uses (never <see cref="DecisionKernelMode.Auto"/>).</summary>
    public static DecisionKernelMode Resolve(DecisionKernelMode requested)
    {
        if (requested == DecisionKernelMode.Auto)
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
            requested = fromEnvironment?.Trim().ToUpperInvariant() switch
            {
                "SCALAR" => DecisionKernelMode.Scalar,
                "VECTOR" => DecisionKernelMode.Vector,
                _ => DecisionKernelMode.Auto,
            };
        }

        return requested == DecisionKernelMode.Auto
            ? (VectorDecisionKernel.IsSupported ? DecisionKernelMode.Vector : DecisionKernelMode.Scalar)
            : requested;
    }

    /// <summary>The week's choices by the plan's kernel, in index order.</summary>
    public static int Sweep(DecisionKernelMode kernel, in DecisionInputs input, Span<int> queue, Span<int> choosers)
        => kernel == DecisionKernelMode.Vector && !input.Coefficients.ZeroNoise && !input.Coefficients.HasOfficerTerms
            ? VectorDecisionKernel.Sweep(in input, queue, choosers)
            : ScalarDecisionKernel.Sweep(in input, choosers);
}
