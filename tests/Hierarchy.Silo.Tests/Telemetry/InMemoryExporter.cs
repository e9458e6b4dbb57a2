using System.Collections.Concurrent;
using OpenTelemetry;

namespace Hierarchy.Silo.Tests.Telemetry;

/// <summary>Keeps what OpenTelemetry exports, so a test can look at the traces and metrics the silo produced.</summary>
public sealed class InMemoryExporter<T>(Func<T, string> describe) : BaseExporter<T>
    where T : class
{
    public ConcurrentQueue<T> Items { get; } = new();

    public ConcurrentDictionary<string, int> Names { get; } = new();

    public override ExportResult Export(in Batch<T> batch)
    {
        foreach (var item in batch)
        {
            Items.Enqueue(item);
            Names.AddOrUpdate(describe(item), 1, (_, n) => n + 1);
        }

        return ExportResult.Success;
    }
}
