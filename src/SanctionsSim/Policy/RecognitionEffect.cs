namespace SanctionsSim.Policy;

/// <summary><see cref="InstrumentKind.Recognition"/>: recognising the opposition's leader makes every offer more credible (docs/model.md, Eq. 6).</summary>
internal sealed class RecognitionEffect : InstrumentEffect
{
    public override bool RecognisesOpposition => true;
}
