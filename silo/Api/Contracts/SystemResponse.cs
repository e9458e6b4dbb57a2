namespace Hierarchy.Silo.Api.Contracts;

/// <summary>
/// The runtime at a glance, measured only while someone asks. Rates and latencies cover the interval since the
/// previous measurement (about the last few seconds) and are null on the first request.
/// </summary>
public sealed record SystemResponse(
    DateTimeOffset At,
    string Storage,
    string Mode,
    int Activations,
    double? CallsPerSecond,
    double? CallLatencyMs,
    double? StorageLatencyMs,
    double? AdmissionsPerSecond,
    double? PropagationDelayMs,
    int StreamClients,
    long WorkingSetBytes,
    TimeSpan Uptime);
