using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Hierarchy.Silo.Telemetry;

/// <summary>
/// Extra OpenTelemetry wiring (a test's in-memory exporter, a console exporter while debugging). OTLP is added by
/// itself when OTEL_EXPORTER_OTLP_ENDPOINT is set.
/// </summary>
public sealed class SiloTelemetryOptions
{
    public List<Action<TracerProviderBuilder>> ConfigureTracing { get; } = [];

    public List<Action<MeterProviderBuilder>> ConfigureMetrics { get; } = [];
}
