namespace Hierarchy.Actors.Tests.Grains;

/// <summary>
/// Grains whose key starts with "a" call grain "b" from OnActivateAsync, and "b" calls back the grain named in the
/// call: a cycle through an activation that has not finished activating. Keys starting with "n" call "b", which
/// calls "c": no cycle.
/// </summary>
public interface IActivationCycleGrain : IGrainWithStringKey
{
    Task<string> Hello();

    Task<string> CallBack(string key);
}
