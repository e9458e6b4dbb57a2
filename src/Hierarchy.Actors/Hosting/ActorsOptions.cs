namespace Hierarchy.Actors.Hosting;

public sealed class ActorsOptions
{
    public const string DefaultStorageName = "Default";

    /// <summary>How long a call may wait and run before its caller gets a <see cref="TimeoutException"/>.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation idle for longer than this is deactivated (Orleans' default is 15 minutes).</summary>
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often timeouts and idle activations are swept; a timer per call would cost too much.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Whether grains whose stored state asks for it are activated when the silo starts.</summary>
    public bool WakeOnStart { get; set; } = true;
}
