namespace Hierarchy.Grains.Rollup;

/// <summary>Timings of the rollup protocol: how much a burst may be coalesced and how soon unacknowledged work is re-sent.</summary>
public sealed class RollupOptions
{
    /// <summary>The shortest gap between two pushes of one unit to its parent; bounds the coalescing delay per level.</summary>
    public TimeSpan MinPushInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How soon after a change a parent makes its state durable and acknowledges its children.</summary>
    public TimeSpan CheckpointDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a unit waits for its parent's acknowledgement before sending its aggregate again.</summary>
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long after the last acknowledgement a unit waits before recording that nothing is pending.</summary>
    public TimeSpan SettleDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many recent admissions each unit keeps for the live feed.</summary>
    public int FeedLength { get; set; } = 12;
}
