namespace Hierarchy.Actors.Tests.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    Task StartTimer(int periodMilliseconds);

    /// <summary>A request that takes a little while across awaits; it must never overlap a tick.</summary>
    Task Step();

    Task Deactivate();
}
