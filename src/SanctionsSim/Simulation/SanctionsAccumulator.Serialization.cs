using SanctionsSim.Model;
using SanctionsSim.MonteCarlo;

namespace SanctionsSim.Simulation;

/// <summary>The exact binary form of a summary: checkpoints and shard results.</summary>
internal sealed partial class SanctionsAccumulator
{
    private const long Magic = 0x354D55534D495353; // "SSIMSUM5": histograms and exact sums written sparsely; agents' paths; outcome types

    /// <summary>
    /// Writes the summary's exact state (counts, exact sums, histograms, run records) in a binary checkpoint
    /// format, so that a batch can be resumed later and finish bit-identical to an uninterrupted one.
    /// </summary>
    /// <param name="stream">A writable stream.</param>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(ScenarioName);
        w.Write(Weeks);
        w.Write(_factionNames.Length);
        w.Write(_senderNames.Length);
        w.Write(Replications);
        w.Write(Collapses);
        foreach (long c in _collapseWeekCounts)
        {
            w.Write(c);
        }

        foreach (long c in _firstTipping)
        {
            w.Write(c);
        }

        foreach (long c in _outcomeCounts)
        {
            w.Write(c);
        }

        foreach (long c in _outcomeWeekCounts)
        {
            w.Write(c);
        }

        for (int k = 0; k < Weeks; k++)
        {
            _sharePath[k].Write(w);
            _revenuePath[k].Write(w);
            _humanitarianPath[k].Write(w);
        }

        foreach (var (mine, _) in Pairs(this))
        {
            mine.Write(w);
        }

        FinalDefectedShareDistribution.Write(w);
        LargestWeeklyCascadeDistribution.Write(w);
        _agents.Write(w);
        w.Write(_runs?.Count ?? -1);
        foreach (var r in (IReadOnlyList<RunRecord>?)_runs ?? [])
        {
            w.Write(r.Replication);
            w.Write(r.Collapsed);
            w.Write(r.CollapseWeek ?? -1);
            w.Write(r.FinalDefectedShare);
            w.Write(r.LargestWeeklyCascade);
            w.Write(r.Purges);
            w.Write(r.EarlyGeneralDefections);
            w.Write(r.EarlySeniorDefections);
            w.Write(r.EarlyLowRankCrossings);
            w.Write(r.HumanitarianBurden);
            w.Write(r.RevenueLost);
            w.Write(r.FinalReserves);
            w.Write(r.FirstTippingFaction ?? "");
            w.Write(r.Cohesion);
            w.Write(r.OfficersReached);
            w.Write((int)r.Outcome);
            w.Write(r.OutcomeWeek ?? -1);
            w.Write(r.FailedHighCommandMoves);
            w.Write(r.SenderCosts.Count);
            foreach (double cost in r.SenderCosts)
            {
                w.Write(cost);
            }
        }
    }

    /// <summary>Replaces this (empty) summary's state with one written by <see cref="WriteTo"/> for the same scenario (callers: <see cref="SanctionsModel.ReadSummary"/>); refused once frozen.</summary>
    /// <param name="stream">A readable stream.</param>
    /// <exception cref="InvalidDataException">The data is not a summary of this scenario's shape, or is truncated.</exception>
    internal void ReadFrom(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ThrowIfFrozen();
        try
        {
            using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            if (r.ReadInt64() != Magic)
            {
                throw new InvalidDataException("Not a SanctionsSim summary checkpoint.");
            }

            string name = r.ReadString();
            int weeks = r.ReadInt32(), factions = r.ReadInt32(), senders = r.ReadInt32();
            if (name != ScenarioName || weeks != Weeks || factions != _factionNames.Length || senders != _senderNames.Length)
            {
                throw new InvalidDataException($"The checkpoint is of scenario '{name}' ({weeks} weeks), not '{ScenarioName}' ({Weeks} weeks).");
            }

            Replications = r.ReadInt64();
            Collapses = r.ReadInt64();
            for (int k = 0; k < _collapseWeekCounts.Length; k++)
            {
                _collapseWeekCounts[k] = r.ReadInt64();
            }

            for (int k = 0; k < _firstTipping.Length; k++)
            {
                _firstTipping[k] = r.ReadInt64();
            }

            for (int k = 0; k < _outcomeCounts.Length; k++)
            {
                _outcomeCounts[k] = r.ReadInt64();
            }

            for (int k = 0; k < _outcomeWeekCounts.Length; k++)
            {
                _outcomeWeekCounts[k] = r.ReadInt64();
            }

            for (int k = 0; k < Weeks; k++)
            {
                _sharePath[k].Read(r);
                _revenuePath[k].Read(r);
                _humanitarianPath[k].Read(r);
            }

            foreach (var (mine, _) in Pairs(this))
            {
                mine.Read(r);
            }

            FinalDefectedShareDistribution.Read(r);
            LargestWeeklyCascadeDistribution.Read(r);
            _agents.Read(r);
            int runs = r.ReadInt32();
            _runs?.Clear();
            for (int i = 0; i < runs; i++)
            {
                var record = new RunRecord
                {
                    Replication = r.ReadInt64(),
                    Collapsed = r.ReadBoolean(),
                    CollapseWeek = r.ReadInt32() is int week && week >= 0 ? week : null,
                    FinalDefectedShare = r.ReadDouble(),
                    LargestWeeklyCascade = r.ReadInt32(),
                    Purges = r.ReadInt32(),
                    EarlyGeneralDefections = r.ReadInt32(),
                    EarlySeniorDefections = r.ReadInt32(),
                    EarlyLowRankCrossings = r.ReadDouble(),
                    HumanitarianBurden = r.ReadDouble(),
                    RevenueLost = r.ReadDouble(),
                    FinalReserves = r.ReadDouble(),
                    FirstTippingFaction = r.ReadString() is { Length: > 0 } tipped ? tipped : null,
                    Cohesion = r.ReadDouble(),
                    OfficersReached = r.ReadInt32(),
                    Outcome = r.ReadInt32() is int o && o is >= 0 and <= 3 ? (OutcomeType)o : throw new InvalidDataException("A run record's outcome is not a OutcomeType."),
                    OutcomeWeek = r.ReadInt32() is int ow && ow >= 0 ? ow : null,
                    FailedHighCommandMoves = r.ReadInt32(),
                    SenderCosts = Enumerable.Range(0, r.ReadInt32()).Select(_ => r.ReadDouble()).ToArray(),
                };
                _runs?.Add(record);
            }
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("The summary checkpoint is truncated.", e);
        }
    }
}
