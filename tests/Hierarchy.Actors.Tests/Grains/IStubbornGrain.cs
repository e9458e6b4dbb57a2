namespace Hierarchy.Actors.Tests.Grains;

/// <summary>A grain whose OnDeactivateAsync waits for the test to open the gate "deactivate:{key}".</summary>
public interface IStubbornGrain : IGrainWithStringKey
{
    Task<string> Hello();
}
