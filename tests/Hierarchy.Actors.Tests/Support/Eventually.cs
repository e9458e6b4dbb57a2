namespace Hierarchy.Actors.Tests.Support;

public static class Eventually
{
    /// <summary>Polls until the condition holds, failing after <see cref="Probe.Patience"/>.</summary>
    public static async Task HoldsAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Probe.Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>
    /// Gives a task a moment and checks that it is still waiting. The moment only makes a failure likely to show; a
    /// pass never depends on speed.
    /// </summary>
    public static async Task StaysPendingAsync(Task task, string what)
    {
        await Task.WhenAny(task, Task.Delay(150));
        Assert.False(task.IsCompleted, $"{what} completed but should still be waiting.");
    }

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Probe.Patience);

    public static Task Within(this Task task) => task.WaitAsync(Probe.Patience);
}
