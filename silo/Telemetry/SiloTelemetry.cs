using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Hierarchy.Silo.Telemetry;

/// <summary>The silo's own meter and activity source: stream clients and events, and spans for the work it starts itself.</summary>
public sealed class SiloTelemetry : IDisposable
{
    public const string MeterName = "Hierarchy.Silo";
    public const string ActivitySourceName = "Hierarchy.Silo";

    public static readonly ActivitySource Source = new(ActivitySourceName);

    private readonly Meter meter;

    public SiloTelemetry(IMeterFactory meterFactory)
    {
        meter = meterFactory.Create(MeterName);
        StreamClients = meter.CreateUpDownCounter<long>("hierarchy.silo.stream.clients", "{client}", "Clients following a unit's live stream");
        StreamEvents = meter.CreateCounter<long>("hierarchy.silo.stream.events", "{event}", "Unit views published to live streams");
        AccessDenied = meter.CreateCounter<long>("hierarchy.silo.access.denied", "{request}", "Requests refused for a missing or out-of-scope token");
        SimulatedAdmissions = meter.CreateCounter<long>("hierarchy.silo.demo.admissions", "{admission}", "Admissions reported by the demo simulator");
    }

    public UpDownCounter<long> StreamClients { get; }

    public Counter<long> StreamEvents { get; }

    public Counter<long> AccessDenied { get; }

    public Counter<long> SimulatedAdmissions { get; }

    public void Dispose() => meter.Dispose();
}
