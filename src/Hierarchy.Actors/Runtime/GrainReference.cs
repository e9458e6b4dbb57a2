using System.Reflection;
using Hierarchy.Actors.Telemetry;

namespace Hierarchy.Actors.Runtime;

/// <summary>
/// The object behind every grain interface reference: it turns each call into a request and hands it to the runtime,
/// never calling the grain object directly. References to the same grain are equal.
/// </summary>
public class GrainReference : DispatchProxy, IEquatable<GrainReference>
{
    private GrainRuntime? runtime;
    private GrainClassInfo? classInfo;
    private InterfaceInvokers? invokers;
    private Activation? activation;

    public GrainId GrainId { get; private set; }

    public override string ToString() => GrainId.ToString();

    public bool Equals(GrainReference? other) => other is not null && other.GrainId == GrainId && ReferenceEquals(other.runtime, runtime);

    public override bool Equals(object? obj) => obj is GrainReference other && Equals(other);

    public override int GetHashCode() => GrainId.GetHashCode();

    /// <summary>
    /// A new reference of the same generated proxy type. Copying a prototype costs a small allocation, where
    /// <see cref="DispatchProxy.Create{T, TProxy}"/> costs hundreds of nanoseconds of reflection per reference.
    /// </summary>
    internal GrainReference Copy(string primaryKey)
    {
        var copy = (GrainReference)MemberwiseClone();
        copy.GrainId = new GrainId(GrainId.Type, primaryKey);
        copy.activation = null;
        return copy;
    }

    internal void Initialize(GrainRuntime owner, GrainClassInfo info, GrainId grainId, InterfaceInvokers interfaceInvokers)
    {
        runtime = owner;
        classInfo = info;
        GrainId = grainId;
        invokers = interfaceInvokers;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var invoker = invokers!.Get(targetMethod!);
        var request = invoker.CreateRequest(args);
        var callerMayRunIt = false;
        if (!invoker.IsOneWay)
        {
            // A one-way caller does not wait, so it can be part of no cycle and must not run the call itself.
            request.Caller = Request.CurrentRequest;
            callerMayRunIt = !Activation.IsInTurn && !ExecutionContext.IsFlowSuppressed();
        }

        request.Activity = ActorsTelemetry.StartCallActivity(invoker.Name, GrainId);
        runtime!.Dispatch(ref activation, GrainId, classInfo!, request, callerMayRunIt);
        return invoker.ReturnValue(request);
    }
}
