using System.Diagnostics;

namespace Hierarchy.Silo.Tests.Support;

public static class Eventually
{
    /// <summary>Polls until the condition holds; rollup is asynchronous but well under a second.</summary>
    public static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? within = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = within ?? TimeSpan.FromSeconds(10);
        while (true)
        {
            var value = await read();
            if (done(value) || deadline.Elapsed > limit)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }
}
