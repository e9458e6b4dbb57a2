using System.Collections.Concurrent;
using System.Reflection;

namespace Hierarchy.Actors.Runtime;

/// <summary>The compiled invokers of every method of one grain or observer interface, including inherited ones.</summary>
internal sealed class InterfaceInvokers
{
    private static readonly ConcurrentDictionary<Type, InterfaceInvokers> Cache = new();

    private readonly Dictionary<MethodInfo, GrainMethodInvoker> invokers = [];

    private InterfaceInvokers(Type interfaceType)
    {
        foreach (var type in interfaceType.GetInterfaces().Append(interfaceType))
        {
            foreach (var method in type.GetMethods())
            {
                invokers[method] = GrainMethodInvoker.Create(method);
            }
        }
    }

    public IEnumerable<GrainMethodInvoker> All => invokers.Values;

    public static InterfaceInvokers For(Type interfaceType) => Cache.GetOrAdd(interfaceType, static t => new InterfaceInvokers(t));

    public GrainMethodInvoker Get(MethodInfo method) =>
        invokers.TryGetValue(method, out var invoker) ? invoker : Find(method);

    // Apart from Get so that Get's fast path allocates no closure.
    private GrainMethodInvoker Find(MethodInfo method) =>
        invokers.First(i => i.Key.MetadataToken == method.MetadataToken && i.Key.Module == method.Module).Value;
}
