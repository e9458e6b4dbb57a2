using System.Collections.Concurrent;

namespace Hierarchy.Actors.Tests.Support;

/// <summary>
/// What test grains report to the test and wait on: named signals, gates and counters. One per silo, so parallel
/// tests never see each other's grains.
/// </summary>
public sealed class Probe
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly ConcurrentDictionary<string, TaskCompletionSource> signals = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> gates = new();
    private readonly ConcurrentDictionary<string, int> counters = new();
    private readonly ConcurrentQueue<string> events = new();

    public IReadOnlyCollection<string> Events => events;

    public void Record(string entry) => events.Enqueue(entry);

    /// <summary>Marks that something happened; waiters of the same name complete.</summary>
    public void Signal(string name) => Slot(signals, name).TrySetResult();

    public bool WasSignalled(string name) => Slot(signals, name).Task.IsCompleted;

    public Task WaitAsync(string name) => Slot(signals, name).Task.WaitAsync(Patience);

    /// <summary>A gate a grain awaits until the test opens it.</summary>
    public Task Gate(string name) => Slot(gates, name).Task;

    public void Open(string name) => Slot(gates, name).TrySetResult();

    public int Increment(string name) => counters.AddOrUpdate(name, 1, static (_, v) => v + 1);

    public int Count(string name) => counters.GetValueOrDefault(name);

    private static TaskCompletionSource Slot(ConcurrentDictionary<string, TaskCompletionSource> slots, string name) =>
        slots.GetOrAdd(name, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
