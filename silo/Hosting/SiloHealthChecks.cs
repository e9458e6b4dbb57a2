using Hierarchy.Silo.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hierarchy.Silo.Hosting;

/// <summary>Ready means: start-up work (schema, demo) is done and the store answers a read now.</summary>
public sealed class SiloHealthChecks(SiloReadiness readiness, DatabaseModeStore modes) : IHealthCheck
{
    public const string ReadyTag = "ready";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsReady)
        {
            return HealthCheckResult.Unhealthy(readiness.Status);
        }

        try
        {
            var mode = await modes.GetAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return HealthCheckResult.Healthy($"storage answers; database mode {mode.Mode}");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("storage does not answer", e);
        }
    }
}
