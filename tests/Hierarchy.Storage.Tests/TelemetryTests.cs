using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Orleans.Runtime;

namespace Hierarchy.Storage.Tests;

public sealed class TelemetryTests : IDisposable
{
    private readonly TempSqliteFile file = new();

    public void Dispose() => file.Dispose();

    [Fact]
    public async Task Storage_operations_and_batches_are_measured_on_the_storage_meter()
    {
        var durations = new ConcurrentBag<(string? Operation, string? Provider)>();
        var batchSizes = new ConcurrentBag<int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Hierarchy.Storage" && instrument.Name.StartsWith("hierarchy.storage.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) =>
        {
            if (instrument.Name == "hierarchy.storage.operation.duration")
            {
                durations.Add((Tag(tags, "operation"), Tag(tags, "provider")));
            }
        });
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            if (instrument.Name == "hierarchy.storage.batch.size")
            {
                batchSizes.Add(value);
            }
        });
        listener.Start();

        await using (var store = GroupCommitGrainStorage.CreateSqlite(file.Path))
        {
            var grain = GrainId.Create("telemetry-branch", Guid.NewGuid().ToString("N"));
            var state = new StoredGrainState<TestState>(new TestState());
            await store.WriteStateAndAppendAsync("state", grain, state, [new JournalEntry("a", "k", "{}", DateTimeOffset.UnixEpoch)]);
            await store.ReadStateAsync("state", grain, state);
        }

        Assert.Contains(("write_append", "sqlite"), durations);
        Assert.Contains(("read", "sqlite"), durations);
        Assert.Contains(("commit", "sqlite"), durations);
        Assert.Contains(batchSizes, size => size >= 1);
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
