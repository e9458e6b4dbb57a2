using Hierarchy.Actors.Concurrency;

namespace Hierarchy.Actors.Tests.Grains;

public interface ITurnGrain : IGrainWithStringKey
{
    /// <summary>Records its entry and exit with awaits between them, so overlapping turns would show in the log.</summary>
    Task Step(string name);

    /// <summary>Signals "held:{key}:{gate}" and waits until the test opens the gate.</summary>
    Task Hold(string gate);

    Task<int> Ping();

    [AlwaysInterleave]
    Task<int> InterleavedPing();

    [ReadOnly]
    Task<int> ReadPing();

    [ReadOnly]
    Task ReadHold(string gate);

    [OneWay]
    Task Notify(string name);

    Task<string> ActivationId();

    /// <summary>The value of <see cref="Support.Ambient"/> as the grain sees it.</summary>
    Task<string?> AmbientValue();
}
