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
    private readonly ConcurrentDictionary<Type, GrainReference> prototypes = new();
    private readonly GrainTypeRegistry registry;
    private readonly List<Request> expired = [];
    private Timer? sweeper;
    private int sweeping;
    private volatile bool disposed;

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
        Telemetry = new ActorsTelemetry(meterFactory, () => activations.Count, () => activations.Sum(a => (long)a.Value.InboxLength));
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
        var prototype = prototypes.GetOrAdd(typeof(TGrainInterface), static (_, runtime) => runtime.CreatePrototype<TGrainInterface>(), this);
        return (TGrainInterface)(object)prototype.Copy(primaryKey);
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

    /// <summary>
    /// Hands a request to the grain's activation, creating it when there is none. <paramref name="cached"/> is the
    /// caller's memory of the activation, which spares the directory lookup while that activation lives.
    /// </summary>
    public void Dispatch(ref Activation? cached, GrainId grainId, GrainClassInfo info, Request request, bool callerMayRunIt)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var activation = cached;
        while (true)
        {
            activation ??= activations.GetOrAdd(grainId, static (id, state) => new Activation(state.Runtime, state.Info, id), (Runtime: this, Info: info));
            switch (activation.Enqueue(request, callerMayRunIt))
            {
                case EnqueueOutcome.Queued:
                    cached = activation;
                    return;
                case EnqueueOutcome.RunInline:
                    cached = activation;
                    activation.RunInline(request);
                    return;
                default:
                    activations.TryRemove(new KeyValuePair<GrainId, Activation>(grainId, activation));
                    activation = null;
                    break;
            }
        }
    }

    public void Redispatch(Request request)
    {
        Activation? none = null;
        var previous = request.Target!;
        if (disposed)
        {
            request.Abandon();
            request.TryFail(new ObjectDisposedException(nameof(GrainRuntime)));
            return;
        }

        Dispatch(ref none, previous.GrainId, previous.ClassInfo, request, callerMayRunIt: false);
    }

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
        Activation? none = null;
        Dispatch(ref none, grainId, info, request, callerMayRunIt: false);
        return request.Task;
    }

    public void Remove(Activation activation) =>
        activations.TryRemove(new KeyValuePair<GrainId, Activation>(activation.GrainId, activation));

    public void StartSweeping()
    {
        var interval = Options.SweepInterval;
        sweeper ??= CreateUnflowedTimer(static s => ((GrainRuntime)s!).Sweep(), this, interval, interval);
    }

    /// <summary>Deactivates every activation, running each grain's OnDeactivateAsync.</summary>
    public async Task DeactivateAllAsync(CancellationToken cancellationToken)
    {
        // Grains deactivating may call grains that were already gone, activating them again; repeat until none is left.
        while (!activations.IsEmpty)
        {
            var pending = new List<Task>();
            foreach (var (_, activation) in activations)
            {
                activation.RequestDeactivation(DeactivationReason.ShuttingDown);
                pending.Add(activation.Deactivated);
            }

            await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the runtime. Activations still present are dropped without OnDeactivateAsync, as in a crash.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        sweeper?.Dispose();
        foreach (var (_, activation) in activations)
        {
            activation.Abort();
        }

        activations.Clear();
        Telemetry.Dispose();
    }

    /// <summary>A timer whose callbacks do not carry the async-local values of whoever created it.</summary>
    internal static Timer CreateUnflowedTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (ExecutionContext.IsFlowSuppressed())
        {
            return new Timer(callback, state, dueTime, period);
        }

        using (ExecutionContext.SuppressFlow())
        {
            return new Timer(callback, state, dueTime, period);
        }
    }

    private GrainReference CreatePrototype<TGrainInterface>() where TGrainInterface : IGrainWithStringKey
    {
        var info = registry.ForInterface(typeof(TGrainInterface));
        var proxy = (GrainReference)(object)DispatchProxy.Create<TGrainInterface, GrainReference>();
        proxy.Initialize(this, info, new GrainId(info.GrainType, string.Empty), InterfaceInvokers.For(typeof(TGrainInterface)));
        return proxy;
    }

    private void Sweep()
    {
        // Timer callbacks may overlap when a sweep takes longer than the interval; one sweep at a time is enough.
        if (Interlocked.Exchange(ref sweeping, 1) != 0)
        {
            return;
        }

        try
        {
            var now = Environment.TickCount64;
            var timeout = (long)Options.ResponseTimeout.TotalMilliseconds;
            var age = (long)Options.CollectionAge.TotalMilliseconds;
            // Enumerating the directory takes no lock and copies nothing, unlike its Values.
            foreach (var (_, activation) in activations)
            {
                activation.Sweep(now, timeout, age, expired);
            }
        }
        catch (Exception e)
        {
            Logger.LogError(e, "Activation sweep failed");
        }
        finally
        {
            Volatile.Write(ref sweeping, 0);
        }
    }
}
