using Orleans;

namespace Hierarchy.Storage.Tests.OrleansClusters;

/// <summary>The state every test grain keeps: a number, which tells whose writes a grain sees.</summary>
[GenerateSerializer]
public sealed class CounterState
{
    [Id(0)]
    public int Value { get; set; }
}
