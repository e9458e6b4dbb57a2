using System.Diagnostics.CodeAnalysis;
using Hierarchy.Storage;
using Orleans;

namespace Hierarchy.Storage.Tests;

/// <summary>
/// A grain state that can carry the wake-on-start mark, as grains' own states do: the store reads and writes the
/// mark only through <see cref="IWakeOnStart"/>, so the tests need a state that has it. Orleans' own
/// <see cref="GrainState{T}"/> stands for the states that do not.
/// </summary>
public sealed class TestGrainState<T>(T state) : IGrainState<T>, IWakeOnStart
{
    // Orleans' interface lets the store assign null; the store only ever assigns a read or default state.
    [AllowNull]
    public T State { get; set; } = state;

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }

    public bool WakeOnStart { get; set; }
}
