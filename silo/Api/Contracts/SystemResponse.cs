namespace Hierarchy.Silo.Api.Contracts;

/// <summary>
/// The runtime at a glance, measured only while someone asks. Rates and latencies cover the interval since the
/// previous measurement (about the last few seconds) and are null on the first request. RemoteMessages counts the
/// messages this silo sent to other silos and to clients since measuring started.
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
    double? RemoteMessagesPerSecond,
    long RemoteMessages,
    int StreamClients,
    long WorkingSetBytes,
    TimeSpan Uptime);
