using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hierarchy.Storage;
using Orleans;
using Orleans.Runtime;
using Hierarchy.Grains.Rollup;
using Hierarchy.Silo.Api.Contracts;
using Hierarchy.Silo.Storage;
using Hierarchy.Silo.Streaming;

namespace Hierarchy.Silo.Telemetry;

/// <summary>
/// The figures of the system page, measured by a <see cref="MeterListener"/> that exists only while someone is
/// looking: the first request starts it, and it stops a minute after the last, so an unwatched silo pays nothing
/// (a dashboard that costs CPU while nobody looks is a common complaint about OrleansDashboard).
/// </summary>
public sealed class SystemMonitor : IDisposable
{
    private static readonly TimeSpan IdleStop = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MinWindow = TimeSpan.FromSeconds(1);

    private static readonly Dictionary<(string Meter, string Instrument), int> Watched = new()
    {
        // Orleans records the latency of every grain request it answers: its count is the call rate.
        [(TelemetryNames.OrleansMeter, "orleans-app-requests-latency")] = Slot.CallDuration,
        [(TelemetryNames.OrleansMeter, "orleans-storage-write-latency")] = Slot.StorageDuration,
        [(GroupCommitGrainStorage.MeterName, "hierarchy.storage.operation.duration")] = Slot.StoreDuration,
        [(HierarchyTelemetry.MeterName, "hierarchy.admissions.reported")] = Slot.Admissions,
        [(HierarchyTelemetry.MeterName, "hierarchy.rollup.delay")] = Slot.Delay,

        // Orleans records the size of every message it sends to another silo or a client: its count is the traffic.
        [(TelemetryNames.OrleansMeter, "orleans-messaging-sent-messages-size")] = Slot.RemoteMessages,
    };

    private readonly IGrainFactory grains;
    private readonly UnitStreamRegistry streams;
    private readonly StorageTarget storage;
    private readonly DatabaseModeStore modes;
    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly long[] counts = new long[Slot.Count];
    private readonly long[] microseconds = new long[Slot.Count];
    private readonly DateTimeOffset startedAt;
    private MeterListener? listener;
    private ITimer? idleTimer;
    private long lastAsked;
    private Totals? previous;
    private Rates? lastRates;

    public SystemMonitor(IGrainFactory grains, UnitStreamRegistry streams, StorageTarget storage, DatabaseModeStore modes, TimeProvider time)
    {
        this.grains = grains;
        this.streams = streams;
        this.storage = storage;
        this.modes = modes;
        this.time = time;
        using var process = Process.GetCurrentProcess();
        startedAt = process.StartTime.ToUniversalTime();
    }

    public bool IsListening
    {
        get
        {
            lock (gate)
            {
                return listener is not null;
            }
        }
    }

    public async Task<SystemResponse> SnapshotAsync()
    {
        var now = time.GetTimestamp();
        Rates? rates;
        long remoteMessages;
        lock (gate)
        {
            lastAsked = now;
            if (listener is null)
            {
                Start();
            }

            var current = new Totals(now, (long[])counts.Clone(), (long[])microseconds.Clone());
            if (previous is null)
            {
                previous = current;
            }
            else if (time.GetElapsedTime(previous.At, now) >= MinWindow)
            {
                lastRates = Rates.Between(previous, current, time.GetElapsedTime(previous.At, now));
                previous = current;
            }

            rates = lastRates;
            remoteMessages = counts[Slot.RemoteMessages];
        }

        var mode = await modes.GetAsync();
        var activations = await grains.GetGrain<IManagementGrain>(0).GetTotalActivationCount();
        return new SystemResponse(
            time.GetUtcNow(),
            storage.Describe(),
            mode.Mode.ToString().ToLowerInvariant(),
            activations,
            rates?.CallsPerSecond,
            rates?.CallLatencyMs,
            rates?.StorageLatencyMs,
            rates?.AdmissionsPerSecond,
            rates?.PropagationDelayMs,
            rates?.RemoteMessagesPerSecond,
            remoteMessages,
            streams.ClientCount,
            Environment.WorkingSet,
            time.GetUtcNow() - startedAt);
    }

    public void Dispose()
    {
        lock (gate)
        {
            Stop();
        }
    }

    private void Start()
    {
        Array.Clear(counts);
        Array.Clear(microseconds);
        previous = null;
        lastRates = null;
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (Watched.ContainsKey((instrument.Meter.Name, instrument.Name)))
                {
                    l.EnableMeasurementEvents(instrument, Watched[(instrument.Meter.Name, instrument.Name)]);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, state) => Record((int)state!, value));
        listener.SetMeasurementEventCallback<int>((_, value, _, state) => Record((int)state!, value));
        listener.SetMeasurementEventCallback<double>((_, value, _, state) => Record((int)state!, value));
        listener.Start();
        idleTimer = time.CreateTimer(_ => StopIfIdle(), null, IdleStop, IdleStop);
    }

    /// <summary>A counter adds its value; a duration (in milliseconds, whatever its number type) counts once and adds its time.</summary>
    private void Record(int slot, double value)
    {
        if (slot == Slot.RemoteMessages)
        {
            Interlocked.Increment(ref counts[slot]);
            return;
        }

        if (slot == Slot.Admissions)
        {
            Interlocked.Add(ref counts[slot], (long)value);
            return;
        }

        Interlocked.Increment(ref counts[slot]);
        Interlocked.Add(ref microseconds[slot], (long)(value * 1000));
    }

    private void StopIfIdle()
    {
        lock (gate)
        {
            if (time.GetElapsedTime(lastAsked) >= IdleStop)
            {
                Stop();
            }
        }
    }

    private void Stop()
    {
        idleTimer?.Dispose();
        idleTimer = null;
        listener?.Dispose();
        listener = null;
    }

    private static class Slot
    {
        public const int CallDuration = 0;
        public const int StorageDuration = 1;
        public const int StoreDuration = 2;
        public const int Admissions = 3;
        public const int Delay = 4;
        public const int RemoteMessages = 5;
        public const int Count = 6;
    }

    private sealed record Totals(long At, long[] Counts, long[] Microseconds);

    private sealed record Rates(double CallsPerSecond, double? CallLatencyMs, double? StorageLatencyMs, double AdmissionsPerSecond, double? PropagationDelayMs, double RemoteMessagesPerSecond)
    {
        public static Rates Between(Totals before, Totals after, TimeSpan elapsed)
        {
            long Delta(int slot) => after.Counts[slot] - before.Counts[slot];
            double? Mean(int slot)
            {
                var n = Delta(slot);
                return n <= 0 ? null : Math.Round((after.Microseconds[slot] - before.Microseconds[slot]) / 1000.0 / n, 3);
            }

            var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
            return new Rates(
                Math.Round(Delta(Slot.CallDuration) / seconds, 1),
                Mean(Slot.CallDuration),
                Mean(Slot.StorageDuration) ?? Mean(Slot.StoreDuration),
                Math.Round(Delta(Slot.Admissions) / seconds, 1),
                Mean(Slot.Delay),
                Math.Round(Delta(Slot.RemoteMessages) / seconds, 1));
        }
    }
}
