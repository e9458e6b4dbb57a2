using System.Diagnostics.CodeAnalysis;
using Orleans;

namespace Hierarchy.Storage;

/// <summary>
/// A state read and written straight through a storage provider, outside any grain: the host's own records, tools
/// that must not activate grains, benchmarks. Unlike Orleans' <c>GrainState&lt;T&gt;</c> it carries the wake mark.
/// </summary>
public sealed class StoredGrainState<T>(T state) : IGrainState<T>, IWakeOnStart
{
    [AllowNull]
    public T State { get; set; } = state;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    public bool WakeOnStart { get; set; }
}
