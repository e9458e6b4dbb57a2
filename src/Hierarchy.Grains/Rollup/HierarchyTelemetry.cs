using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Hierarchy.Grains.Rollup;

/// <summary>The domain's meters: admissions and corrections recorded, and how long a report takes to reach its province.</summary>
public sealed class HierarchyTelemetry : IDisposable
{
    public const string MeterName = "Hierarchy.Grains";
    public const string ActivitySourceName = "Hierarchy.Grains";

    /// <summary>Spans of the rollup that continue a report's trace after coalescing has detached them from it.</summary>
    public static readonly ActivitySource Source = new(ActivitySourceName);

    private readonly Meter meter;

    public HierarchyTelemetry(IMeterFactory meterFactory)
    {
        meter = meterFactory.Create(MeterName);
        AdmissionsReported = meter.CreateCounter<long>("hierarchy.admissions.reported", "{admission}", "Admissions recorded durably at branches");
        AdmissionsRetracted = meter.CreateCounter<long>("hierarchy.admissions.retracted", "{admission}", "Admissions retracted by a correction");
        PropagationDelay = meter.CreateHistogram<double>("hierarchy.rollup.delay", "ms", "From a report's acknowledgement to its arrival at the province");
        Pushes = meter.CreateCounter<long>("hierarchy.rollup.pushes", "{push}", "Aggregates sent from a unit to its parent");
    }

    public Counter<long> AdmissionsReported { get; }

    public Counter<long> AdmissionsRetracted { get; }

    public Histogram<double> PropagationDelay { get; }

    public Counter<long> Pushes { get; }

    /// <summary>Raised at a province for each arrival, so a benchmark can observe delays without a meter listener.</summary>
    public event Action<TimeSpan>? ProvinceReached;

    public void Dispose() => meter.Dispose();

    internal void RecordArrival(TimeSpan delay)
    {
        PropagationDelay.Record(delay.TotalMilliseconds);
        ProvinceReached?.Invoke(delay);
    }
}
