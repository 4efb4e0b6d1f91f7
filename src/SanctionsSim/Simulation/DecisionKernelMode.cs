namespace SanctionsSim.Simulation;

/// <summary>Which kernel evaluates the officers' weekly decisions. Both give bit-identical results; the vector one is about twice as fast where 256-bit vectors are accelerated.</summary>
internal enum DecisionKernelMode
{
    /// <summary>The vector kernel where the hardware accelerates it, else the scalar one; the environment variable <c>SANCTIONSSIM_DECISION_KERNEL</c> (<c>scalar</c> or <c>vector</c>) overrides the choice.</summary>
    Auto = 0,

    /// <summary>One officer at a time.</summary>
    Scalar = 1,

    /// <summary>Four officers at a time in 256-bit vector registers (emulated, slowly, where not accelerated).</summary>
    Vector = 2,
}
