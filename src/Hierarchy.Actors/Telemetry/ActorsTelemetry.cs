using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hierarchy.Actors.Runtime;

namespace Hierarchy.Actors.Telemetry;

/// <summary>
/// The runtime's meters and activity source. Instruments cost nothing while no listener is attached, which is why
/// every hot-path record first asks whether its instrument is enabled.
/// </summary>
public sealed class ActorsTelemetry : IDisposable
{
    public const string MeterName = "Hierarchy.Actors";
    public const string ActivitySourceName = "Hierarchy.Actors";

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    private readonly Meter meter;

    internal ActorsTelemetry(IMeterFactory meterFactory, Func<int> activationCount, Func<long> mailboxLength)
    {
        meter = meterFactory.Create(MeterName);
        Calls = meter.CreateCounter<long>("hierarchy.actors.calls", "{call}", "Grain calls started");
        CallDuration = meter.CreateHistogram<double>("hierarchy.actors.call.duration", "ms", "Time from a call being queued to its completion");
        ActivationsCreated = meter.CreateCounter<long>("hierarchy.actors.activations.created", "{activation}", "Activations that completed OnActivateAsync");
        ActivationFailures = meter.CreateCounter<long>("hierarchy.actors.activations.failed", "{activation}", "Activations whose OnActivateAsync failed");
        CallTimeouts = meter.CreateCounter<long>("hierarchy.actors.calls.timeouts", "{call}", "Calls whose caller got a timeout");
        CallCycles = meter.CreateCounter<long>("hierarchy.actors.calls.cycles", "{call}", "Calls refused because they closed a cycle");
        StorageDuration = meter.CreateHistogram<double>("hierarchy.actors.storage.duration", "ms", "Grain storage operations as a grain sees them");
        meter.CreateObservableUpDownCounter("hierarchy.actors.activations", activationCount, "{activation}", "Activations in memory");
        meter.CreateObservableGauge("hierarchy.actors.mailbox.length", mailboxLength, "{request}", "Requests waiting in activation mailboxes");
    }

    internal Counter<long> Calls { get; }

    internal Histogram<double> CallDuration { get; }

    internal Counter<long> ActivationsCreated { get; }

    internal Counter<long> ActivationFailures { get; }

    internal Counter<long> CallTimeouts { get; }

    internal Counter<long> CallCycles { get; }

    internal Histogram<double> StorageDuration { get; }

    public void Dispose() => meter.Dispose();

    internal static Activity? StartCallActivity(string name, GrainId target)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var previous = Activity.Current;
        var activity = Source.StartActivity(name, ActivityKind.Internal);
        activity?.SetTag("grain.id", target.ToString());
        Activity.Current = previous;
        return activity;
    }

    internal void RecordCallStarted(Request request)
    {
        if (Calls.Enabled)
        {
            Calls.Add(1);
        }
    }

    internal void RecordCallFinished(Request request)
    {
        if (request.TryGetQueuedTimestamp(out var queued) && CallDuration.Enabled)
        {
            CallDuration.Record(Stopwatch.GetElapsedTime(queued).TotalMilliseconds);
        }
    }

    internal void RecordCallFailedBeforeStart(Request request)
    {
        if (request.Activity is { } activity)
        {
            activity.SetStatus(ActivityStatusCode.Error);
            activity.Stop();
        }
    }

    internal void RecordStorage(string operation, TimeSpan elapsed)
    {
        if (StorageDuration.Enabled)
        {
            StorageDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("operation", operation));
        }
    }
}
