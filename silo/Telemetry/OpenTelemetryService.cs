using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Hierarchy.Silo.Telemetry;

/// <summary>
/// What OpenTelemetry.Extensions.Hosting would do, which is not available here: build the tracer and meter providers
/// when the host starts and flush them when it stops. With no OTLP endpoint and no extra exporter nothing is built,
/// so nothing listens and every instrument stays free.
/// </summary>
public sealed class OpenTelemetryService(IConfiguration configuration, IOptions<SiloTelemetryOptions> options, ILogger<OpenTelemetryService> logger)
    : IHostedService, IDisposable
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    private TracerProvider? tracerProvider;
    private MeterProvider? meterProvider;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var otlp = !string.IsNullOrWhiteSpace(configuration[EndpointVariable]);
        var extra = options.Value;
        if (!otlp && extra.ConfigureTracing.Count == 0 && extra.ConfigureMetrics.Count == 0)
        {
            return Task.CompletedTask;
        }

        // CreateDefault reads OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES; the service name below is the fallback.
        var resource = ResourceBuilder.CreateDefault().AddService("hierarchy-silo", serviceInstanceId: Environment.MachineName);

        var tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource([.. TelemetryNames.ActivitySources]);
        var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter([.. TelemetryNames.Meters]);
        if (otlp)
        {
            // The exporter reads the standard OTEL_EXPORTER_OTLP_* variables itself (endpoint, protocol, headers).
            tracing.AddOtlpExporter();
            metrics.AddOtlpExporter();
            logger.LogInformation("Exporting traces and metrics over OTLP to {Endpoint}", configuration[EndpointVariable]);
        }

        extra.ConfigureTracing.ForEach(configure => configure(tracing));
        extra.ConfigureMetrics.ForEach(configure => configure(metrics));
        tracerProvider = tracing.Build();
        meterProvider = metrics.Build();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        tracerProvider?.ForceFlush(5_000);
        meterProvider?.ForceFlush(5_000);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        tracerProvider?.Dispose();
        meterProvider?.Dispose();
    }
}
