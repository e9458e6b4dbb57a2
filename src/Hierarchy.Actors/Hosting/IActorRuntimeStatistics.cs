namespace Hierarchy.Actors.Hosting;

/// <summary>Live figures of the runtime for hosts that show them (a dashboard's system page).</summary>
public interface IActorRuntimeStatistics
{
    int ActivationCount { get; }
}
