using Hierarchy.Storage;
using System.Diagnostics.Metrics;

namespace Hierarchy.Silo.Bench;

/// <summary>
/// Listens to the storage's group-commit instruments while a load runs, so the bench can say whether the single
/// writer was the limit (busy nearly all the time) or the grains were (writer idle between small batches).
/// </summary>
public sealed class StorageProbe : IDisposable
{
    private readonly MeterListener listener = new();
    private long batches;
    private long writes;
    private double commitMilliseconds;

    public StorageProbe()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == GroupCommitGrainStorage.MeterName && instrument.Name is "hierarchy.storage.batches" or "hierarchy.storage.batch.writes" or "hierarchy.storage.operation.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "hierarchy.storage.batches")
            {
                Interlocked.Add(ref batches, value);
            }
            else
            {
                Interlocked.Add(ref writes, value);
            }
        });
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "operation" && tag.Value as string == "commit")
                {
                    lock (listener)
                    {
                        commitMilliseconds += value;
                    }
                }
            }
        });
        listener.Start();
    }

    public long Batches => Interlocked.Read(ref batches);

    public long Writes => Interlocked.Read(ref writes);

    /// <summary>Time the writer spent in transactions, lingering for arrivals included.</summary>
    public TimeSpan CommitTime
    {
        get
        {
            lock (listener)
            {
                return TimeSpan.FromMilliseconds(commitMilliseconds);
            }
        }
    }

    public void Dispose() => listener.Dispose();
}
