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
}
