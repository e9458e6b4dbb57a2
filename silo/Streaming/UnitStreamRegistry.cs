using Orleans;
using Orleans.Runtime;
using Hierarchy.Silo.Telemetry;
using Microsoft.Extensions.Logging;

namespace Hierarchy.Silo.Streaming;

/// <summary>The live hubs, one per unit and year, created by the first client and dropped after the last one leaves.</summary>
public sealed class UnitStreamRegistry(IGrainFactory grains, TimeProvider time, SiloTelemetry telemetry, ILogger<UnitStreamRegistry> logger)
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string UnitId, int Year), UnitStreamHub> hubs = [];
    private int clientCount;

    public int ClientCount => Volatile.Read(ref clientCount);

    /// <summary>Whether a hub is live for the unit, for any year.</summary>
    public bool HasHub(string unitId)
    {
        lock (gate)
        {
            return hubs.Keys.Any(key => key.UnitId == unitId);
        }
    }

    /// <summary>Has every live hub subscribe again now, as after the loss of a silo that may have held their units.</summary>
    public void ResubscribeAll()
    {
        UnitStreamHub[] live;
        lock (gate)
        {
            live = [.. hubs.Values];
        }

        foreach (var hub in live)
        {
            _ = hub.ResubscribeNowAsync();
        }
    }

    public async Task<StreamSubscription> JoinAsync(string unitId, int year, CancellationToken cancellationToken)
    {
        UnitStreamHub hub;
        lock (gate)
        {
            if (!hubs.TryGetValue((unitId, year), out hub!))
            {
                hub = new UnitStreamHub(unitId, year, grains, time, telemetry, logger);
                hubs[(unitId, year)] = hub;
            }

            hub.References++;
        }

        try
        {
            await hub.EnsureStartedAsync().WaitAsync(cancellationToken);
        }
        catch
        {
            await ReleaseAsync(hub, client: null);
            throw;
        }

        var client = hub.AddClient();
        Interlocked.Increment(ref clientCount);
        telemetry.StreamClients.Add(1);
        return new StreamSubscription(client, () => ReleaseAsync(hub, client));
    }

    private async ValueTask ReleaseAsync(UnitStreamHub hub, StreamClient? client)
    {
        if (client is not null)
        {
            hub.RemoveClient(client);
            Interlocked.Decrement(ref clientCount);
            telemetry.StreamClients.Add(-1);
        }

        bool last;
        lock (gate)
        {
            last = --hub.References == 0;
            if (last)
            {
                hubs.Remove((hub.UnitId, hub.Year));
            }
        }

        if (last)
        {
            await hub.DisposeAsync();
        }
    }
}
