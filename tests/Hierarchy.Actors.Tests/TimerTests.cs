using Hierarchy.Actors.Tests.Grains;
using Hierarchy.Actors.Tests.Support;

namespace Hierarchy.Actors.Tests;

public sealed class TimerTests
{
    [Fact]
    public async Task Timer_ticks_run_as_turns_and_never_overlap_a_request()
    {
        await using var silo = await Silos.StartAsync();
        var probe = silo.Probe();
        var grain = silo.Grain<ITimerGrain>("t");

        await grain.StartTimer(1);
        for (var i = 0; i < 10 && probe.Count("ticks:t") < 5; i++)
        {
            await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.Step())).Within();
        }

        await probe.WaitAsync("tick:t:5");
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => grain.Step())).Within();
        Assert.Equal(0, probe.Count("overlap:t"));
    }

    [Fact]
    public async Task Timers_stop_when_the_grain_deactivates()
    {
        await using var silo = await Silos.StartAsync();
        var probe = silo.Probe();
        var grain = silo.Grain<ITimerGrain>("t");

        await grain.StartTimer(5);
        await probe.WaitAsync("tick:t:2");
        await grain.Deactivate();
        await probe.WaitAsync("deactivated:t");
        await Task.Delay(100);
        var ticks = probe.Count("ticks:t");

        await Task.Delay(200);
        Assert.Equal(ticks, probe.Count("ticks:t"));
        Assert.Equal(0, silo.Statistics().ActivationCount);
    }

    [Fact]
    public async Task A_timer_armed_by_a_request_the_shutdown_drains_never_ticks_and_does_not_fail_the_request()
    {
        var silo = await Silos.StartAsync();
        var probe = silo.Probe();
        var grain = silo.Grain<ITimerGrain>("t");

        var call = grain.StartTimerWhenOpen("go", 1);
        await probe.WaitAsync("waiting:t");
        var stopping = silo.DisposeAsync().AsTask();
        await Task.Delay(50);
        probe.Open("go");

        await call.Within();
        await stopping.Within();
        await Task.Delay(50);
        Assert.Equal(0, probe.Count("ticks:t"));
    }
}
