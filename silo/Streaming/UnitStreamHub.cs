using System.Text.Json;
using Orleans;
using Orleans.Runtime;
using Hierarchy.Grains.Units;
using Hierarchy.Silo.Api;
using Hierarchy.Silo.Api.Contracts;
using Hierarchy.Silo.Telemetry;
using Microsoft.Extensions.Logging;

namespace Hierarchy.Silo.Streaming;

/// <summary>
/// One observer per unit and year, shared by all the clients following it. The grain only tells the hub that
/// something changed; the hub reads the view at most every <see cref="MinInterval"/> (bursts coalesce into one read)
/// and hands the serialized view to every client's one-slot mailbox.
/// </summary>
public sealed class UnitStreamHub : IUnitObserver, IAsyncDisposable
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(250);

    // Orleans observers are re-subscribed periodically; here it also covers a grain collected while idle.
    private static readonly TimeSpan ResubscribeInterval = TimeSpan.FromSeconds(30);

    // After a silo is lost: at once, then for a few seconds while the cluster places the unit again.
    private static readonly TimeSpan[] ResubscribeRetryDelays =
        [TimeSpan.Zero, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    private readonly IGrainFactory grains;
    private readonly TimeProvider time;
    private readonly SiloTelemetry telemetry;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly List<StreamClient> clients = [];
    private readonly IUnitObserver reference;
    private readonly Lazy<Task> started;
    private ITimer? resubscribeTimer;
    private StreamEvent? latest;
    private long lastPublished;
    private bool refreshing;
    private bool dirty;
    private bool stopped;

    public UnitStreamHub(string unitId, int year, IGrainFactory grains, TimeProvider time, SiloTelemetry telemetry, ILogger logger)
    {
        UnitId = unitId;
        Year = year;
        this.grains = grains;
        this.time = time;
        this.telemetry = telemetry;
        this.logger = logger;
        reference = grains.CreateObjectReference<IUnitObserver>(this);
        started = new Lazy<Task>(StartAsync);
    }

    public string UnitId { get; }

    public int Year { get; }

    /// <summary>Clients joined or joining; owned by the registry under its lock.</summary>
    internal int References { get; set; }

    private IUnitGrain Grain => grains.GetGrain<IUnitGrain>(UnitId);

    public Task EnsureStartedAsync() => started.Value;

    public StreamClient AddClient()
    {
        var client = new StreamClient();
        lock (gate)
        {
            clients.Add(client);
            if (latest is not null)
            {
                client.Offer(latest);
            }
        }

        return client;
    }

    public void RemoveClient(StreamClient client)
    {
        lock (gate)
        {
            clients.Remove(client);
        }

        client.Complete();
    }

    public Task OnUnitChanged(string unitId, long version)
    {
        RequestRefresh();
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        lock (gate)
        {
            stopped = true;
        }

        resubscribeTimer?.Dispose();
        try
        {
            await Grain.UnsubscribeAsync(reference);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Unsubscribing the stream of {UnitId} failed", UnitId);
        }

        grains.DeleteObjectReference<IUnitObserver>(reference);
    }

    private async Task StartAsync()
    {
        await Grain.SubscribeAsync(reference);
        await PublishAsync();
        resubscribeTimer = time.CreateTimer(_ => _ = ResubscribeAsync(), null, ResubscribeInterval, ResubscribeInterval);
    }

    /// <summary>
    /// Subscribes again at once, retrying for a few seconds: the unit may have lived on a silo that just died, and
    /// its new activation knows no observers. The periodic renewal would find it only later.
    /// </summary>
    public async Task ResubscribeNowAsync()
    {
        foreach (var delay in ResubscribeRetryDelays)
        {
            await Task.Delay(delay, time);
            if (Volatile.Read(ref stopped))
            {
                return;
            }

            if (await ResubscribeAsync(warn: delay == ResubscribeRetryDelays[^1]))
            {
                return;
            }
        }
    }

    private async Task<bool> ResubscribeAsync(bool warn = true)
    {
        try
        {
            await Grain.SubscribeAsync(reference);
            RequestRefresh();
            return true;
        }
        catch (Exception e)
        {
            if (warn)
            {
                logger.LogWarning(e, "Re-subscribing to {UnitId} failed; will retry", UnitId);
            }

            return false;
        }
    }

    private void RequestRefresh()
    {
        lock (gate)
        {
            dirty = true;
            if (refreshing || stopped)
            {
                return;
            }

            refreshing = true;
        }

        _ = Task.Run(RefreshLoopAsync);
    }

    private async Task RefreshLoopAsync()
    {
        while (true)
        {
            var wait = MinInterval - time.GetElapsedTime(Volatile.Read(ref lastPublished));
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time);
            }

            lock (gate)
            {
                dirty = false;
            }

            try
            {
                await PublishAsync();
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Reading {UnitId} for its stream failed", UnitId);
            }

            lock (gate)
            {
                if (!dirty || stopped)
                {
                    refreshing = false;
                    return;
                }
            }
        }
    }

    private async Task PublishAsync()
    {
        var view = await Grain.GetViewAsync(Year, DateOnly.FromDateTime(time.GetLocalNow().DateTime));
        Volatile.Write(ref lastPublished, time.GetTimestamp());
        if (view is null)
        {
            return;
        }

        var json = JsonSerializer.Serialize(UnitResponse.From(view), SiloJson.Options);
        lock (gate)
        {
            if (latest is not null && (latest.Version > view.Version || latest.Json == json))
            {
                return;
            }

            latest = new StreamEvent(view.Version, json);
            foreach (var client in clients)
            {
                client.Offer(latest);
            }

            telemetry.StreamEvents.Add(clients.Count);
        }
    }
}
