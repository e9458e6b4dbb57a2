using Hierarchy.Actors.Tests.Grains;
using Hierarchy.Actors.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hierarchy.Actors.Tests;

public sealed class TestSiloTests
{
    [Fact]
    public async Task Stopping_runs_on_deactivate_for_every_activation()
    {
        var silo = await Silos.StartAsync();
        var probe = silo.Probe();
        await silo.Grain<ICounterGrain>("a").Increment();
        await silo.Grain<ICounterGrain>("b").Increment();

        await silo.DisposeAsync().AsTask().Within();

        Assert.Contains("deactivated:a:ShuttingDown", probe.Events);
        Assert.Contains("deactivated:b:ShuttingDown", probe.Events);
    }

    [Fact]
    public async Task Kill_skips_on_deactivate_and_dispose_after_kill_is_safe()
    {
        var silo = await Silos.StartAsync();
        var probe = silo.Probe();
        await silo.Grain<ITimerGrain>("t").StartTimer(5);
        await silo.Grain<ICounterGrain>("c").Increment();
        await probe.WaitAsync("tick:t:1");

        await silo.KillAsync().Within();
        await silo.DisposeAsync().AsTask().Within();

        // A tick whose code was running on some thread at the very moment of the kill may still count.
        await Task.Delay(50);
        var ticks = probe.Count("ticks:t");
        await Task.Delay(200);

        Assert.Equal(0, probe.Count("deactivations:c"));
        Assert.Equal(ticks, probe.Count("ticks:t"));
    }

    [Fact]
    public async Task Kill_does_not_run_waiting_callers_code_on_its_own_thread()
    {
        var silo = await Silos.StartAsync();
        var probe = silo.Probe();
        var grain = silo.Grain<ITurnGrain>("g");
        var hold = grain.Hold("gate");
        await probe.WaitAsync("held:g:gate");
        var killed = 0;
        var caller = hold.ContinueWith(
            _ => SpinWait.SpinUntil(() => Volatile.Read(ref killed) == 1, Probe.Patience * 2),
            TaskContinuationOptions.ExecuteSynchronously);

        try
        {
            await silo.KillAsync().Within();
        }
        finally
        {
            Volatile.Write(ref killed, 1);
        }

        Assert.True(await caller.Within());
        await Assert.ThrowsAsync<InvalidOperationException>(() => hold.Within());
    }

    [Fact]
    public async Task Stopping_waits_for_a_grain_still_activating_then_deactivates_it()
    {
        var silo = await Silos.StartAsync();
        var probe = silo.Probe();
        var call = silo.Grain<ISlowActivationGrain>("s").Hello();
        await probe.WaitAsync("activating:s");

        var stopping = silo.DisposeAsync().AsTask();
        probe.Open("activate:s");
        await stopping.Within();

        Assert.Equal("hello", await call.Within());
        Assert.Contains("deactivated:s:ShuttingDown", probe.Events);
    }

    [Fact]
    public async Task Stopping_gives_up_on_a_grain_that_will_not_deactivate_when_the_shutdown_timeout_ends()
    {
        var silo = await Silos.StartAsync(services: s => s.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1)));
        var probe = silo.Probe();
        Assert.Equal("hello", await silo.Grain<IStubbornGrain>("s").Hello());

        try
        {
            // The grain cannot finish deactivating until the gate opens, so stopping must give up on it, not throw.
            await silo.DisposeAsync().AsTask().Within();
        }
        finally
        {
            probe.Open("deactivate:s");
        }
    }
}
