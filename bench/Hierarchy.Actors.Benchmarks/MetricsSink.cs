using System.Diagnostics.Metrics;
using Hierarchy.Actors.Telemetry;

namespace Hierarchy.Actors.Benchmarks;

/// <summary>Listens to the runtime's instruments the way an OpenTelemetry exporter would, keeping only sums.</summary>
internal sealed class MetricsSink : IDisposable
{
    private readonly MeterListener listener = new();
    private long count;
    private double sum;

    private MetricsSink()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ActorsTelemetry.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref count, value));
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => AddToSum(value));
        listener.Start();
    }

    public static MetricsSink Listen() => new();

    public void Dispose() => listener.Dispose();

    private void AddToSum(double value)
    {
        var current = Volatile.Read(ref sum);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref sum, current + value, current);
            if (seen.Equals(current))
            {
                return;
            }

            current = seen;
        }
    }
}
