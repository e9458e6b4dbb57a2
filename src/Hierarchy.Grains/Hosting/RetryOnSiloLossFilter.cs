using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Orleans.CodeGeneration;
using Orleans.Runtime;
using Orleans.Storage;

namespace Hierarchy.Grains.Hosting;

/// <summary>
/// Sends a call again when the silo it went to stopped or died before answering (a rolling restart, a crash), or
/// when it reached an activation that was a duplicate for a moment while the cluster changed and so held older
/// state than the store (its write was refused and the activation is gone), if sending it twice is harmless: a
/// [ReadOnly] method, or one marked <see cref="IdempotentAttribute"/>. By the next attempt the unit answers from its
/// one activation, so the caller sees an answer instead of a 503. Other calls fail as before.
/// </summary>
internal sealed class RetryOnSiloLossFilter(ILogger<RetryOnSiloLossFilter> logger) : IOutgoingGrainCallFilter
{
    private static readonly TimeSpan[] Delays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(1)];
    private static readonly ConcurrentDictionary<MethodInfo, bool> Idempotent = new();

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await context.Invoke();
                return;
            }
            catch (Exception e) when (e is SiloUnavailableException or InconsistentStateException && attempt < Delays.Length && MayRepeat(context))
            {
                logger.LogDebug(e, "{Method} on {Grain} did not reach the unit's current activation; sending it again", context.MethodName, context.TargetId);
                await Task.Delay(Delays[attempt]);
            }
        }
    }

    private static bool MayRepeat(IOutgoingGrainCallContext context)
    {
        var options = context.Request is IRequest request ? request.Options : InvokeMethodOptions.None;
        if ((options & InvokeMethodOptions.ReadOnly) != 0)
        {
            return true;
        }

        return context.InterfaceMethod is { } method
            && Idempotent.GetOrAdd(method, m => m.GetCustomAttribute<IdempotentAttribute>() is not null);
    }
}
