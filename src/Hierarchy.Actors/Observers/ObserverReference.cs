using System.Reflection;
using Hierarchy.Actors.Runtime;
using Microsoft.Extensions.Logging;

namespace Hierarchy.Actors.Observers;

/// <summary>
/// The object behind an observer reference. Calls are queued and delivered to the local object one at a time on the
/// thread pool; the calling grain gets a completed task at once, so a slow observer never slows a grain.
/// </summary>
public class ObserverReference : DispatchProxy
{
    private readonly Lock gate = new();
    private readonly Queue<(GrainMethodInvoker Invoker, object?[]? Arguments)> mailbox = new();
    private object? target;
    private InterfaceInvokers? invokers;
    private ILogger? logger;
    private bool delivering;
    private bool closed;

    internal void Initialize(object observer, InterfaceInvokers interfaceInvokers, ILogger log)
    {
        foreach (var invoker in interfaceInvokers.All)
        {
            if (invoker.Method.ReturnType != typeof(Task) && invoker.Method.ReturnType != typeof(ValueTask))
            {
                throw new NotSupportedException($"Observer method {invoker.Name} must return Task or ValueTask: observers never answer grains.");
            }
        }

        target = observer;
        invokers = interfaceInvokers;
        logger = log;
    }

    internal void Close()
    {
        lock (gate)
        {
            closed = true;
            mailbox.Clear();
        }
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var invoker = invokers!.Get(targetMethod!);
        var start = false;
        lock (gate)
        {
            if (!closed)
            {
                mailbox.Enqueue((invoker, args));
                start = !delivering;
                delivering = true;
            }
        }

        if (start)
        {
            // Unflowed: the observer must not run with the notifying grain's context or async-local values.
            ThreadPool.UnsafeQueueUserWorkItem(static self => _ = self.DeliverAsync(), this, preferLocal: false);
        }

        return invoker.Method.ReturnType == typeof(Task) ? Task.CompletedTask : default(ValueTask);
    }

    private async Task DeliverAsync()
    {
        while (true)
        {
            (GrainMethodInvoker Invoker, object?[]? Arguments) next;
            lock (gate)
            {
                if (!mailbox.TryDequeue(out next))
                {
                    delivering = false;
                    return;
                }
            }

            try
            {
                await next.Invoker.InvokeUntypedAsync(target!, next.Arguments).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                logger?.LogWarning(e, "Observer {Method} failed", next.Invoker.Name);
            }
        }
    }
}
