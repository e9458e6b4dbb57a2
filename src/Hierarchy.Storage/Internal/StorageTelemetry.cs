using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Hierarchy.Storage.Internal;

/// <summary>
/// The provider's own instruments, on a meter of their own: Orleans' storage instruments time each call, these add
/// what only group commit knows (time queued for a batch, batch sizes).
/// </summary>
internal static class StorageTelemetry
{
    public const string MeterName = "Hierarchy.Storage";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> OperationDuration = Meter.CreateHistogram<double>(
        "hierarchy.storage.operation.duration",
        unit: "ms",
        description: "Duration of grain storage operations as the caller sees them, including time queued for a group commit.");

    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "hierarchy.storage.batch.size",
        unit: "{write}",
        description: "Writes committed together in one group-commit transaction.");

    private static readonly Counter<long> BatchWrites = Meter.CreateCounter<long>(
        "hierarchy.storage.batch.writes",
        unit: "{write}",
        description: "Writes that went through group commit; divided by hierarchy.storage.batches it gives the mean batch size.");

    private static readonly Counter<long> Batches = Meter.CreateCounter<long>(
        "hierarchy.storage.batches",
        unit: "{batch}",
        description: "Group-commit transactions run.");

    public static void RecordOperation(string operation, string provider, long startedAt)
    {
        if (OperationDuration.Enabled)
        {
            OperationDuration.Record(
                Stopwatch.GetElapsedTime(startedAt).TotalMilliseconds,
                new KeyValuePair<string, object?>("operation", operation),
                new KeyValuePair<string, object?>("provider", provider));
        }
    }

    public static void RecordBatch(string provider, int size)
    {
        var tag = new KeyValuePair<string, object?>("provider", provider);
        BatchSize.Record(size, tag);
        BatchWrites.Add(size, tag);
        Batches.Add(1, tag);
    }
}
