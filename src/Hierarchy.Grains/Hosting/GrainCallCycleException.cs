using Orleans.Runtime;

namespace Hierarchy.Grains.Hosting;

/// <summary>
/// A grain call refused because it would re-enter a non-reentrant grain that is itself waiting, further up the same call
/// path, for this call to return. Orleans would hold it in the grain's queue until the response timeout (30 s); the
/// call chain filter fails it at once instead, naming every grain of the cycle.
/// </summary>
[GenerateSerializer]
public sealed class GrainCallCycleException : OrleansException
{
    public GrainCallCycleException(IReadOnlyList<string> cycle, string method)
        : base(Describe(cycle, method))
    {
        Cycle = [.. cycle];
        Method = method;
    }

    /// <summary>The grain ids of the cycle in call order, the re-entered grain first and last.</summary>
    [Id(0)]
    public string[] Cycle { get; private set; }

    /// <summary>The interface and method of the refused call.</summary>
    [Id(1)]
    public string Method { get; private set; }

    private static string Describe(IReadOnlyList<string> cycle, string method) =>
        $"Call cycle refused: {string.Join(" → ", cycle)} ({method}). {cycle[0]} is not reentrant and is waiting on this "
        + "call path for the call to return, so the call could only wait for the response timeout. Make the call one-way, "
        + "mark the method [AlwaysInterleave] or [ReadOnly] where that is true, or avoid calling back up the chain.";
}
