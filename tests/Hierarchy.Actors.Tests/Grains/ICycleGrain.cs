namespace Hierarchy.Actors.Tests.Grains;

/// <summary>Relays a call along a path of grain keys; a path that revisits a grain makes a call cycle.</summary>
public interface ICycleGrain : IGrainWithStringKey
{
    Task<int> Relay(string[] path);
}
