using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Logging;
using Orleans.CodeGeneration;
using Orleans.Runtime;

namespace Hierarchy.Grains.Hosting;

/// <summary>
/// Sends a call again when the silo it went to stopped or died before answering (a rolling restart, a crash), if
/// sending it twice is harmless: a [ReadOnly] method, or one marked <see cref="IdempotentAttribute"/>. By the next
/// attempt the unit is active elsewhere, so the caller sees an answer instead of a 503. Other calls fail as before.
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
            catch (SiloUnavailableException e) when (attempt < Delays.Length && MayRepeat(context))
            {
                logger.LogDebug(e, "{Method} on {Grain} was lost with its silo; sending it again", context.MethodName, context.TargetId);
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
