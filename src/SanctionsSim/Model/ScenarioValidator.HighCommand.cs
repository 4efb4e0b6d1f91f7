namespace SanctionsSim.Model;

/// <summary>The high command's fields (<see cref="HighCommand"/>).</summary>
internal static partial class ScenarioValidator
{
    private static void ValidateHighCommand(Collector c, HighCommand? h)
    {
        const string p = "$.highCommand";
        if (!c.NotNull(p, h))
        {
            return;
        }

        Declared(c, p, h!);

        // the global game's equilibrium is unique when β ≥ α²/(2π), β = 1/σ², α = 1/σ_θ²: σ ≤ √(2π)·σ_θ² (Morris & Shin 1998)
        if (h.StrengthNoise is > 0 and <= 10 && h.SignalNoise is > 0 and <= 10)
        {
            double bound = Math.Sqrt(2 * Math.PI) * h.StrengthNoise * h.StrengthNoise;
            if (h.SignalNoise > bound)
            {
                c.Add(p + ".signalNoise", Num(h.SignalNoise), $"must be at most √(2π)·strengthNoise² = {Num(Math.Floor(bound * 1e6) / 1e6)} for the commanders' game to have one equilibrium; lower signalNoise or raise strengthNoise");
            }
        }
    }
}
