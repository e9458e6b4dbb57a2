using Orleans.CodeGeneration;
using Orleans.Metadata;
using Orleans.Runtime;

namespace Hierarchy.Grains.Hosting;

/// <summary>
/// Fails at once a call that would re-enter a non-reentrant grain already waiting further up the same call path
/// (A → B → A, or A → A), with a <see cref="GrainCallCycleException"/> naming the cycle. Orleans itself queues such a
/// call behind the request that is waiting for it, so both wait for the response timeout (30 s), and an incoming
/// filter never sees the call. Each outgoing call carries, in <see cref="RequestContext"/>, the chain of requests in
/// progress on its path with the kind of each, so the callee knows its callers when it calls on.
/// </summary>
/// <remarks>
/// What is let through is what Orleans lets interleave: calls to [Reentrant], [MayInterleave] and stateless-worker
/// grains, [AlwaysInterleave] methods, [ReadOnly] methods into a grain busy with a read-only request, and calls made
/// under <see cref="RequestContext.AllowCallChainReentrancy"/>. A one-way call is never refused (its caller does not
/// wait) and starts a new chain, since nobody up the path waits for what it leads to. Calls from outside any grain
/// carry no chain of their own. A task a grain starts and does not await keeps the chain of the request that started
/// it; a two-way call it makes after that request has returned could be refused wrongly, so such work should run
/// without the chain (<c>RequestContext.Remove(CallChain.Key)</c>) or be one-way.
/// </remarks>
internal sealed class CallChainFilter(GrainPropertiesResolver grainProperties) : IOutgoingGrainCallFilter
{
    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        var previous = RequestContext.Get(CallChain.Key) as CallChain;
        var options = context.Request is IRequest request ? request.Options : InvokeMethodOptions.None;
        var target = new CallChainLink(context.TargetId, KindOf(options));
        CallChain next;
        if ((options & InvokeMethodOptions.OneWay) != 0)
        {
            next = new CallChain([target]);
        }
        else
        {
            var chain = WithSource(previous, context.SourceContext);
            if (chain is not null)
            {
                ThrowIfCycle(chain, context, options);
            }

            next = (chain ?? new CallChain([])).Append(target);
        }

        RequestContext.Set(CallChain.Key, next);
        try
        {
            await context.Invoke();
        }
        finally
        {
            // The chain belongs to this call only: the caller's later calls must not carry it.
            if (previous is null)
            {
                RequestContext.Remove(CallChain.Key);
            }
            else
            {
                RequestContext.Set(CallChain.Key, previous);
            }
        }
    }

    private static CallChainRequest KindOf(InvokeMethodOptions options) =>
        (options & InvokeMethodOptions.AlwaysInterleave) != 0 ? CallChainRequest.Interleaving
        : (options & InvokeMethodOptions.ReadOnly) != 0 ? CallChainRequest.ReadOnly
        : CallChainRequest.Blocking;

    /// <summary>
    /// The chain with the calling grain at its end. A grain is missing there when the filter did not see its work
    /// start (a timer tick, a request from a client without the filter); it is busy all the same.
    /// </summary>
    private static CallChain? WithSource(CallChain? chain, IGrainContext? source)
    {
        // Only grain activations wait in turn; system targets and client objects (observers) do not block callers.
        if (source is null || source.GrainInstance is not IGrainBase)
        {
            return chain;
        }

        if (chain?.Last is { } last && last.Grain == source.GrainId)
        {
            return chain;
        }

        var link = new CallChainLink(source.GrainId, CallChainRequest.Unknown);
        return chain is null ? new CallChain([link]) : chain.Append(link);
    }

    private void ThrowIfCycle(CallChain chain, IOutgoingGrainCallContext context, InvokeMethodOptions options)
    {
        var target = context.TargetId;
        var at = chain.IndexOf(target);
        if (at < 0 || (options & InvokeMethodOptions.AlwaysInterleave) != 0 || RequestContext.ReentrancyId != Guid.Empty)
        {
            return;
        }

        var readOnly = (options & InvokeMethodOptions.ReadOnly) != 0;
        for (var i = 0; i < chain.Links.Length; i++)
        {
            var link = chain.Links[i];
            if (link.Grain != target || !Blocks(link.Request, readOnly))
            {
                continue;
            }

            if (MayInterleaveAnything(target.Type))
            {
                return;
            }

            var cycle = chain.Links.Skip(i).Select(l => l.Grain.ToString()).Append(target.ToString()).ToList();
            throw new GrainCallCycleException(cycle, $"{context.InterfaceName}.{context.MethodName}");
        }
    }

    private static bool Blocks(CallChainRequest running, bool incomingReadOnly) => running switch
    {
        CallChainRequest.Interleaving => false,
        CallChainRequest.ReadOnly or CallChainRequest.Unknown => !incomingReadOnly,
        _ => true,
    };

    /// <summary>Grain types whose activations may take a call while busy, or of which a second activation may take it.</summary>
    private bool MayInterleaveAnything(GrainType type)
    {
        if (!grainProperties.TryGetGrainProperties(type, out var properties))
        {
            // Not a grain type of the manifest (a system target, a client object): nothing here waits on this path.
            return true;
        }

        var values = properties.Properties;
        return (values.TryGetValue(WellKnownGrainTypeProperties.Reentrant, out var reentrant) && bool.TryParse(reentrant, out var isReentrant) && isReentrant)
            || values.ContainsKey(WellKnownGrainTypeProperties.MayInterleavePredicate)
            || (values.TryGetValue(WellKnownGrainTypeProperties.PlacementStrategy, out var placement) && placement == "StatelessWorkerPlacement");
    }
}
