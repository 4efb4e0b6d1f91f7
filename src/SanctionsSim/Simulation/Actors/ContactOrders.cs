using SanctionsSim.MonteCarlo;
using SanctionsSim.Policy;
using SanctionsSim.Simulation.Plan;

namespace SanctionsSim.Simulation.Actors;

/// <summary>The orders in which contact campaigns reach officers (<see cref="Targeting"/>), drawn per replication from the policy stream.</summary>
internal sealed class ContactOrders
{
    private readonly SimulationPlan _plan;
    private readonly int[][] _orders;

    public ContactOrders(SimulationPlan plan)
    {
        _plan = plan;
        _orders = new int[Enum.GetValues<Targeting>().Length][];
        foreach (Targeting t in plan.UsedTargetings)
        {
            _orders[(int)t] = new int[plan.OfficerCount];
        }
    }

    /// <summary>The order for <paramref name="targeting"/> (one of the plan's <see cref="SimulationPlan.UsedTargetings"/>).</summary>
    public ReadOnlySpan<int> For(Targeting targeting) => _orders[(int)targeting];

    public void Draw(RandomStream random, ReadOnlySpan<bool> sanctioned)
    {
        SimulationPlan p = _plan;
        foreach (Targeting t in p.UsedTargetings)
        {
            int[] order = _orders[(int)t];
            switch (t)
            {
                case Targeting.HighestWeight:
                    p.WeightOrder.CopyTo(order, 0);
                    break;
                case Targeting.Random:
                    for (int i = 0; i < order.Length; i++)
                    {
                        order[i] = i;
                    }

                    Shuffle(random, order);
                    break;
                case Targeting.GeneralsFirst:
                {
                    int generals = Append(order, 0, Pick.Generals, sanctioned);
                    Append(order, generals, Pick.Seniors, sanctioned);
                    Shuffle(random, order.AsSpan(0, generals));
                    Shuffle(random, order.AsSpan(generals));
                    break;
                }

                case Targeting.SanctionedFirst:
                {
                    int a = Append(order, 0, Pick.Sanctioned, sanctioned);
                    int b = Append(order, a, Pick.UnsanctionedGenerals, sanctioned);
                    Append(order, b, Pick.UnsanctionedSeniors, sanctioned);
                    Shuffle(random, order.AsSpan(0, a));
                    Shuffle(random, order.AsSpan(a, b - a));
                    Shuffle(random, order.AsSpan(b));
                    break;
                }
            }
        }
    }

    private enum Pick
    {
        Generals,
        Seniors,
        Sanctioned,
        UnsanctionedGenerals,
        UnsanctionedSeniors,
    }

    /// <summary>Appends the officers <paramref name="pick"/> selects, in index order, from <paramref name="start"/>.</summary>
    /// <returns>The end of what was appended.</returns>
    private int Append(int[] order, int start, Pick pick, ReadOnlySpan<bool> sanctioned)
    {
        ReadOnlySpan<byte> rank = _plan.Rank;
        int k = start;
        for (int i = 0; i < rank.Length; i++)
        {
            bool general = rank[i] == SimulationPlan.RankGeneral;
            bool include = pick switch
            {
                Pick.Generals => general,
                Pick.Seniors => !general,
                Pick.Sanctioned => sanctioned[i],
                Pick.UnsanctionedGenerals => !sanctioned[i] && general,
                _ => !sanctioned[i] && !general,
            };
            if (include)
            {
                order[k++] = i;
            }
        }

        return k;
    }

    private static void Shuffle(RandomStream random, Span<int> span)
    {
        for (int i = span.Length - 1; i > 0; i--)
        {
            int j = random.NextInt32(i + 1);
            (span[i], span[j]) = (span[j], span[i]);
        }
    }
}
