namespace Hierarchy.Actors.Tests.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    Task StartTimer(int periodMilliseconds);

    /// <summary>Registers a timer once the probe's gate of that name opens.</summary>
    Task StartTimerWhenOpen(string gate, int periodMilliseconds);

    /// <summary>A request that takes a little while across awaits; it must never overlap a tick.</summary>
    Task Step();

    Task Deactivate();
}
