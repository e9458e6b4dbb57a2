namespace Hierarchy.Grains.Tests.CallChains;

/// <summary>One step of a call path: the grain (by grain type and key) and the kind of method called on it.</summary>
[GenerateSerializer, Immutable]
public sealed record Hop(string Key, HopKind Kind = HopKind.Call, string Type = CycleGrain.TypeName);
