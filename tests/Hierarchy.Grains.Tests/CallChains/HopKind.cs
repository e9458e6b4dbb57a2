namespace Hierarchy.Grains.Tests.CallChains;

/// <summary>Which method of <see cref="ICycleGrain"/> a hop calls.</summary>
[GenerateSerializer]
public enum HopKind
{
    Call,
    Read,
    Interleave,
    OneWay,
}
