using System.Reflection;
using Hierarchy.Actors.Telemetry;

namespace Hierarchy.Actors.Runtime;

/// <summary>
/// The object behind every grain interface reference: it turns each call into a request and hands it to the runtime,
/// never calling the grain object directly.
/// </summary>
public class GrainReference : DispatchProxy
{
    private GrainRuntime? runtime;
    private GrainClassInfo? classInfo;
    private InterfaceInvokers? invokers;

    public GrainId GrainId { get; private set; }

    internal void Initialize(GrainRuntime owner, GrainClassInfo info, GrainId grainId, InterfaceInvokers interfaceInvokers)
    {
        runtime = owner;
        classInfo = info;
        GrainId = grainId;
        invokers = interfaceInvokers;
    }

    public override string ToString() => GrainId.ToString();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var invoker = invokers!.Get(targetMethod!);
        var request = invoker.CreateRequest(args);
        if (!invoker.IsOneWay)
        {
            // A one-way caller does not wait, so it cannot be part of a cycle.
            request.Caller = RuntimeContext.CurrentRequest;
        }

        request.Activity = ActorsTelemetry.StartCallActivity(invoker.Name, GrainId);
        runtime!.Dispatch(GrainId, classInfo!, request);
        return invoker.ReturnValue(request);
    }
}
