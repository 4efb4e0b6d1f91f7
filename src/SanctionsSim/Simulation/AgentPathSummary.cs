using SanctionsSim.MonteCarlo;
using SanctionsSim.Simulation.Actors;

namespace SanctionsSim.Simulation;

/// <summary>
/// The batch's view of the adaptive agents: per series and week a histogram (percentile paths) and exact moments
/// (mean paths with standard errors), and per total its moments. Counts and exact sums only, so it merges exactly
/// like the rest of <see cref="SanctionsSummary"/>.
/// </summary>
internal sealed class AgentPathSummary
{
    private const int Bins = 200;
    private readonly Histogram[][] _histograms;
    private readonly RunningMoments[][] _moments;
    private readonly RunningMoments[] _totals;

    public AgentPathSummary(string[] names, double[] upper, string[] totalNames, int weeks)
    {
        Names = names;
        Upper = upper;
        TotalNames = totalNames;
        Weeks = weeks;
        _histograms = new Histogram[names.Length][];
        _moments = new RunningMoments[names.Length][];
        for (int j = 0; j < names.Length; j++)
        {
            _histograms[j] = new Histogram[weeks];
            _moments[j] = new RunningMoments[weeks];
            for (int w = 0; w < weeks; w++)
            {
                _histograms[j][w] = new Histogram(0, upper[j], Bins);
                _moments[j][w] = new RunningMoments();
            }
        }

        _totals = totalNames.Select(_ => new RunningMoments()).ToArray();
    }

    public string[] Names { get; }

    public double[] Upper { get; }

    public string[] TotalNames { get; }

    public int Weeks { get; }

    public AgentPathSummary EmptyLike() => new(Names, Upper, TotalNames, Weeks);

    public void Add(RunMetrics b)
    {
        for (int j = 0; j < Names.Length; j++)
        {
            for (int w = 0; w < b.WeeksRun; w++)
            {
                double x = b.AgentPaths[(j * Weeks) + w];
                _histograms[j][w].Add(x);
                _moments[j][w].Add(x);
            }
        }

        for (int t = 0; t < _totals.Length; t++)
        {
            _totals[t].Add(b.AgentTotals[t]);
        }
    }

    public int IndexOf(string series)
    {
        int j = Array.IndexOf(Names, series);
        return j >= 0 ? j : throw new ArgumentException($"No agent series '{series}'; this scenario records: {(Names.Length == 0 ? "none (it has no adaptive agents)" : string.Join(", ", Names))}.", nameof(series));
    }

    public double[] Percentile(string series, double p)
    {
        // interpolated within a bin, then held within the values seen (a constant series reads exactly)
        int j = IndexOf(series);
        return _histograms[j].Select((h, w) => h.Count == 0 ? double.NaN : Math.Clamp(h.Quantile(p), _moments[j][w].Minimum, _moments[j][w].Maximum)).ToArray();
    }

    public RunningMoments[] Moments(string series) => _moments[IndexOf(series)];

    public RunningMoments Total(string name)
    {
        int t = Array.IndexOf(TotalNames, name);
        return t >= 0 ? _totals[t] : throw new ArgumentException($"No agent total '{name}'; this scenario records: {(TotalNames.Length == 0 ? "none" : string.Join(", ", TotalNames))}.", nameof(name));
    }

    public void MergeFrom(AgentPathSummary other)
    {
        for (int j = 0; j < Names.Length; j++)
        {
            for (int w = 0; w < Weeks; w++)
            {
                _histograms[j][w].Merge(other._histograms[j][w]);
                _moments[j][w].Merge(other._moments[j][w]);
            }
        }

        for (int t = 0; t < _totals.Length; t++)
        {
            _totals[t].Merge(other._totals[t]);
        }
    }

    public void Reset()
    {
        foreach (Histogram[] row in _histograms)
        {
            foreach (Histogram h in row)
            {
                h.Clear();
            }
        }

        foreach (RunningMoments m in _moments.SelectMany(r => r).Concat(_totals))
        {
            m.Clear();
        }
    }

    public bool ExactlyEquals(AgentPathSummary other)
    {
        if (Names.Length != other.Names.Length || TotalNames.Length != other.TotalNames.Length)
        {
            return false;
        }

        for (int j = 0; j < Names.Length; j++)
        {
            for (int w = 0; w < Weeks; w++)
            {
                if (!_histograms[j][w].ExactlyEquals(other._histograms[j][w]) || !_moments[j][w].ExactlyEquals(other._moments[j][w]))
                {
                    return false;
                }
            }
        }

        return _totals.Zip(other._totals).All(p => p.First.ExactlyEquals(p.Second));
    }

    public void Write(BinaryWriter w)
    {
        w.Write(Names.Length);
        w.Write(TotalNames.Length);
        for (int j = 0; j < Names.Length; j++)
        {
            for (int k = 0; k < Weeks; k++)
            {
                _histograms[j][k].Write(w);
                _moments[j][k].Write(w);
            }
        }

        foreach (RunningMoments m in _totals)
        {
            m.Write(w);
        }
    }

    public void Read(BinaryReader r)
    {
        int names = r.ReadInt32(), totals = r.ReadInt32();
        if (names != Names.Length || totals != TotalNames.Length)
        {
            throw new InvalidDataException($"The checkpoint records {names} agent series and {totals} totals, this scenario {Names.Length} and {TotalNames.Length}.");
        }

        for (int j = 0; j < Names.Length; j++)
        {
            for (int k = 0; k < Weeks; k++)
            {
                _histograms[j][k].Read(r);
                _moments[j][k].Read(r);
            }
        }

        foreach (RunningMoments m in _totals)
        {
            m.Read(r);
        }
    }
}
