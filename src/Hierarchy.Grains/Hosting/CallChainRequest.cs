namespace Hierarchy.Grains.Hosting;

/// <summary>What kind of request a grain on the call chain is executing, which decides what may still enter it (as Orleans' ActivationData.MayInvokeRequest decides).</summary>
[GenerateSerializer]
internal enum CallChainRequest : byte
{
    /// <summary>An ordinary request: nothing but interleaving calls may enter the grain until it returns.</summary>
    Blocking,

    /// <summary>A [ReadOnly] request: other read-only requests may enter.</summary>
    ReadOnly,

    /// <summary>An [AlwaysInterleave] request, which blocks nothing.</summary>
    Interleaving,

    /// <summary>
    /// Work the filter did not see start: a timer tick, or a request from a caller without the filter. Treated as
    /// blocking, except that read-only calls are let through, since whether the work is read-only is not known.
    /// </summary>
    Unknown,
}
