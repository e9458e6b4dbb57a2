namespace Hierarchy.Actors.Runtime;

/// <summary>A persistent state the runtime reads before the grain's OnActivateAsync.</summary>
internal interface IStateLoader
{
    Task ReadStateAsync();
}
