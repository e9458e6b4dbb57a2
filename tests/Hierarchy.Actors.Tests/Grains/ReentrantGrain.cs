using Hierarchy.Actors.Concurrency;
using Hierarchy.Actors.Tests.Support;

namespace Hierarchy.Actors.Tests.Grains;

[Reentrant]
internal sealed class ReentrantGrain(Probe probe) : Grain, IReentrantGrain
{
    private int running;
    private int inProgress;
    private int maxInProgress;
    private int pings;

    private string Key => this.GetPrimaryKeyString();

    public async Task Hold(string gate)
    {
        Begin();
        probe.Signal($"held:{Key}:{gate}");
        await probe.Gate(gate);
        inProgress--;
    }

    public Task<int> Ping() => Task.FromResult(++pings);

    public async Task Crunch(int slices)
    {
        Begin();
        for (var i = 0; i < slices; i++)
        {
            if (Interlocked.Increment(ref running) > 1)
            {
                probe.Increment($"overlap:{Key}");
            }

            Thread.SpinWait(500);
            Interlocked.Decrement(ref running);
            await Task.Yield();
        }

        inProgress--;
    }

    public Task<int> MaxInProgress() => Task.FromResult(maxInProgress);

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    private void Begin()
    {
        inProgress++;
        maxInProgress = Math.Max(maxInProgress, inProgress);
    }
}
