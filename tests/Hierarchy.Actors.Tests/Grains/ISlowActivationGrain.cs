namespace Hierarchy.Actors.Tests.Grains;

/// <summary>A grain whose OnActivateAsync waits for the test to open the gate "activate:{key}".</summary>
public interface ISlowActivationGrain : IGrainWithStringKey
{
    Task<string> Hello();
}
