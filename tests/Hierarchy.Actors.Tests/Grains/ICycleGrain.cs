using Hierarchy.Actors.Concurrency;

namespace Hierarchy.Actors.Tests.Grains;

/// <summary>Relays a call along a path of grain keys; a path that revisits a grain makes a call cycle.</summary>
public interface ICycleGrain : IGrainWithStringKey
{
    Task<int> Relay(string[] path);

    /// <summary>Relays like <see cref="Relay"/> through read-only calls, which may interleave with each other.</summary>
    [ReadOnly]
    Task<int> ReadRelay(string[] path);

    /// <summary>Relays through read-only calls, but ends with a writing call on the last grain.</summary>
    [ReadOnly]
    Task<int> ReadRelayThenWrite(string[] path);
}
