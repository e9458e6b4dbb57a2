using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;
using Hierarchy.Actors.Hosting;
using Hierarchy.Actors.Observers;
using Hierarchy.Actors.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hierarchy.Actors.Runtime;

/// <summary>
/// The silo's core: the directory of activations (one per grain id), dispatch of requests to them, and the
/// periodic sweep that times out calls and collects idle activations.
/// </summary>
internal sealed class GrainRuntime : IGrainFactory, IDisposable
{
    private readonly ConcurrentDictionary<GrainId, Activation> activations = new();
    private readonly GrainTypeRegistry registry;
    private Timer? sweeper;

    public GrainRuntime(
        IServiceProvider services,
        GrainTypeRegistry registry,
        IOptions<ActorsOptions> options,
        IMeterFactory meterFactory,
        ILogger<GrainRuntime> logger)
    {
        Services = services;
        this.registry = registry;
        Options = options.Value;
        Logger = logger;
        Activator = new GrainActivator(services);
        Telemetry = new ActorsTelemetry(meterFactory, () => activations.Count, () => activations.Values.Sum(a => (long)a.InboxLength));
    }

    public IServiceProvider Services { get; }

    public ActorsOptions Options { get; }

    public ILogger Logger { get; }

    public GrainActivator Activator { get; }

    public ActorsTelemetry Telemetry { get; }

    public int ActivationCount => activations.Count;

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        var info = registry.ForInterface(typeof(TGrainInterface));
        var proxy = DispatchProxy.Create<TGrainInterface, GrainReference>();
        ((GrainReference)(object)proxy).Initialize(this, info, new GrainId(info.GrainType, primaryKey), InterfaceInvokers.For(typeof(TGrainInterface)));
        return proxy;
    }

    public TObserver CreateObjectReference<TObserver>(IGrainObserver observer) where TObserver : IGrainObserver
    {
        if (observer is not TObserver)
        {
            throw new ArgumentException($"The observer does not implement {typeof(TObserver)}.", nameof(observer));
        }

        var proxy = DispatchProxy.Create<TObserver, ObserverReference>();
        ((ObserverReference)(object)proxy).Initialize(observer, InterfaceInvokers.For(typeof(TObserver)), Logger);
        return proxy;
    }

    public void DeleteObjectReference<TObserver>(TObserver reference) where TObserver : IGrainObserver
    {
        if (reference is ObserverReference observerReference)
        {
            observerReference.Close();
        }
    }

    public void Dispatch(GrainId grainId, GrainClassInfo info, Request request)
    {
        while (true)
        {
            var activation = activations.GetOrAdd(grainId, static (id, state) => new Activation(state.Runtime, state.Info, id), (Runtime: this, Info: info));
            if (activation.Enqueue(request))
            {
                return;
            }

            activations.TryRemove(new KeyValuePair<GrainId, Activation>(grainId, activation));
        }
    }

    public void Redispatch(Request request) => Dispatch(request.Target!.GrainId, request.Target.ClassInfo, request);

    /// <summary>Activates a grain by its stored type name without calling any of its methods.</summary>
    public Task WakeAsync(GrainId grainId)
    {
        var info = registry.ForTypeName(grainId.Type);
        if (info is null)
        {
            Logger.LogWarning("Stored state names grain type {GrainType}, which no registered grain class has", grainId.Type);
            return Task.CompletedTask;
        }

        var request = new WakeRequest();
        Dispatch(grainId, info, request);
        return request.Task;
    }

    public void Remove(Activation activation) =>
        activations.TryRemove(new KeyValuePair<GrainId, Activation>(activation.GrainId, activation));

    public void StartSweeping() =>
        sweeper ??= new Timer(static s => ((GrainRuntime)s!).Sweep(), this, Options.SweepInterval, Options.SweepInterval);

    /// <summary>Deactivates every activation, running each grain's OnDeactivateAsync.</summary>
    public async Task DeactivateAllAsync(CancellationToken cancellationToken)
    {
        sweeper?.Dispose();
        var pending = activations.Values.Select(a =>
        {
            a.RequestDeactivation(DeactivationReason.ShuttingDown);
            return a.Deactivated;
        }).ToList();
        await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        sweeper?.Dispose();
        Telemetry.Dispose();
    }

    private void Sweep()
    {
        try
        {
            var now = Stopwatch.GetTimestamp();
            var timeoutTicks = (long)(Options.ResponseTimeout.TotalSeconds * Stopwatch.Frequency);
            var ageTicks = (long)(Options.CollectionAge.TotalSeconds * Stopwatch.Frequency);
            var expired = new List<Request>();
            foreach (var activation in activations.Values)
            {
                activation.SweepTimeouts(now, timeoutTicks, Options.ResponseTimeout, expired);
                activation.CollectIfIdle(now, ageTicks);
            }
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Activation sweep failed");
        }
    }
}
