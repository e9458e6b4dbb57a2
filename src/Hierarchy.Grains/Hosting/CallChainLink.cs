using Orleans.Runtime;

namespace Hierarchy.Grains.Hosting;

/// <summary>One request in progress along a call path: the grain executing it and whether it blocks others.</summary>
[GenerateSerializer, Immutable]
internal readonly record struct CallChainLink(
    [property: Id(0)] GrainId Grain,
    [property: Id(1)] CallChainRequest Request);
