namespace Hierarchy.Actors.Tests.Grains;

/// <summary>A grain whose first activation fails in OnActivateAsync.</summary>
public interface IFlakyActivationGrain : IGrainWithStringKey
{
    Task<int> Attempt();
}
