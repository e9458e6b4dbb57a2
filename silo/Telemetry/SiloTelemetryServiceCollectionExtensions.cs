using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Hierarchy.Silo.Telemetry;

public static class SiloTelemetryServiceCollectionExtensions
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// The silo's own instruments, and OpenTelemetry over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Without
    /// it no provider is built at all: a listener on Orleans' activity sources would create a span for every grain
    /// call, which costs the ingest path even when nothing is exported.
    /// </summary>
    public static IServiceCollection AddSiloTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<SiloTelemetry>();
        if (!string.IsNullOrWhiteSpace(configuration[EndpointVariable]))
        {
            // The exporter reads the standard OTEL_EXPORTER_OTLP_* variables itself (endpoint, protocol, headers).
            services.AddSiloOpenTelemetry(tracing => tracing.AddOtlpExporter(), metrics => metrics.AddOtlpExporter());
        }

        return services;
    }

    /// <summary>
    /// OpenTelemetry from OpenTelemetry.Extensions.Hosting over every source and meter the silo has (ours and Orleans'),
    /// with exporters chosen by the caller; calling it again adds to the same providers.
    /// </summary>
    public static IServiceCollection AddSiloOpenTelemetry(this IServiceCollection services, Action<TracerProviderBuilder>? tracing = null, Action<MeterProviderBuilder>? metrics = null)
    {
        services.AddOpenTelemetry()
            // CreateDefault reads OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES; the service name here is the fallback.
            .ConfigureResource(resource => resource.AddService("hierarchy-silo", serviceInstanceId: Environment.MachineName))
            .WithTracing(builder =>
            {
                builder.AddSource([.. TelemetryNames.ActivitySources]);
                tracing?.Invoke(builder);
            })
            .WithMetrics(builder =>
            {
                builder.AddMeter([.. TelemetryNames.Meters]);
                metrics?.Invoke(builder);
            });
        return services;
    }
}
