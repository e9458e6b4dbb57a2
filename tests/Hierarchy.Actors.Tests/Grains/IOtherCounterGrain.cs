namespace Hierarchy.Actors.Tests.Grains;

/// <summary>A second grain type with the same state name as <see cref="ICounterGrain"/>, to show types never share records.</summary>
public interface IOtherCounterGrain : IGrainWithStringKey
{
    Task<int> Increment();
}
