using Hierarchy.Actors.Tests.Support;

namespace Hierarchy.Actors.Tests.Grains;

internal sealed class TimerGrain(Probe probe) : Grain, ITimerGrain
{
    private int running;

    private string Key => this.GetPrimaryKeyString();

    public Task StartTimer(int periodMilliseconds)
    {
        var period = TimeSpan.FromMilliseconds(periodMilliseconds);
        RegisterGrainTimer(OnTickAsync, period, period);
        return Task.CompletedTask;
    }

    public async Task Step()
    {
        Enter();
        await Task.Delay(2);
        Exit();
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Signal($"deactivated:{Key}");
        return Task.CompletedTask;
    }

    private async Task OnTickAsync(CancellationToken cancellationToken)
    {
        Enter();
        await Task.Delay(2, CancellationToken.None);
        Exit();
        var ticks = probe.Increment($"ticks:{Key}");
        probe.Signal($"tick:{Key}:{ticks}");
    }

    private void Enter()
    {
        if (Interlocked.Increment(ref running) > 1)
        {
            probe.Increment($"overlap:{Key}");
        }
    }

    private void Exit() => Interlocked.Decrement(ref running);
}
