using Hierarchy.Actors.Tests.Grains;
using Hierarchy.Actors.Tests.Support;

namespace Hierarchy.Actors.Tests;

public sealed class TurnTests
{
    [Fact]
    public async Task Requests_to_a_non_reentrant_grain_never_overlap_even_across_awaits()
    {
        await using var silo = await Silos.StartAsync();
        var grain = silo.Grain<ITurnGrain>("g");

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => grain.Step(i.ToString())).ToArray()).Within();

        var log = silo.Probe().Events.ToList();
        Assert.Equal(80, log.Count);
        for (var i = 0; i < log.Count; i += 2)
        {
            Assert.StartsWith("g:enter:", log[i]);
            Assert.Equal(log[i].Replace(":enter:", ":exit:"), log[i + 1]);
        }
    }

    [Fact]
    public async Task A_non_reentrant_grain_holds_other_requests_while_a_turn_awaits()
    {
        await using var silo = await Silos.StartAsync();
        var probe = silo.Probe();
        var grain = silo.Grain<ITurnGrain>("g");

        var hold = grain.Hold("gate");
        await probe.WaitAsync("held:g:gate");
        var ping = grain.Ping();
        await Eventually.StaysPendingAsync(ping, "a request behind an awaiting turn");

        probe.Open("gate");
        await hold.Within();
        Assert.Equal(1, await ping.Within());
    }

    [Fact]
    public async Task A_reentrant_grain_interleaves_requests_at_awaits()
    {
        await using var silo = await Silos.StartAsync();
        var probe = silo.Probe();
        var grain = silo.Grain<IReentrantGrain>("r");

        var hold = grain.Hold("gate");
        await probe.WaitAsync("held:r:gate");
        Assert.Equal(1, await grain.Ping().Within());
        Assert.False(hold.IsCompleted);

        probe.Open("gate");
        await hold.Within();
    }

    [Fact]
    public async Task An_always_interleave_method_runs_beside_a_waiting_turn()
    {
        await using var silo = await Silos.StartAsync();
        var probe = silo.Probe();
        var grain = silo.Grain<ITurnGrain>("g");

        var hold = grain.Hold("gate");
        await probe.WaitAsync("held:g:gate");
        Assert.Equal(1, await grain.InterleavedPing().Within());

        probe.Open("gate");
        await hold.Within();
    }

    [Fact]
    public async Task Read_only_methods_interleave_with_each_other_but_not_with_writers()
    {
        await using var silo = await Silos.StartAsync();
        var probe = silo.Probe();
        var grain = silo.Grain<ITurnGrain>("g");

        var readHold = grain.ReadHold("read");
        await probe.WaitAsync("held:g:read");
        Assert.Equal(0, await grain.ReadPing().Within());

        var write = grain.Ping();
        await Eventually.StaysPendingAsync(write, "a writer behind a read-only turn");
        probe.Open("read");
        Assert.Equal(1, await write.Within());

        var writeHold = grain.Hold("write");
        await probe.WaitAsync("held:g:write");
        var read = grain.ReadPing();
        await Eventually.StaysPendingAsync(read, "a read-only request behind a writer");
        probe.Open("write");
        await writeHold.Within();
        Assert.Equal(1, await read.Within());
    }

    [Fact]
    public async Task A_reentrant_grain_never_runs_on_two_threads_at_once()
    {
        await using var silo = await Silos.StartAsync();
        var probe = silo.Probe();
        var grain = silo.Grain<IReentrantGrain>("r");

        var hold = grain.Hold("gate");
        await probe.WaitAsync("held:r:gate");
        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => grain.Crunch(20)))).Within();
        probe.Open("gate");
        await hold.Within();

        Assert.Equal(0, probe.Count("overlap:r"));
        Assert.True(await grain.MaxInProgress() > 1, "the requests should have interleaved");
    }

    [Fact]
    public async Task A_one_way_call_returns_before_the_grain_runs_it()
    {
        await using var silo = await Silos.StartAsync();
        var probe = silo.Probe();
        var grain = silo.Grain<ITurnGrain>("g");

        var hold = grain.Hold("gate");
        await probe.WaitAsync("held:g:gate");
        var notify = grain.Notify("n");
        Assert.True(notify.IsCompletedSuccessfully);
        Assert.False(probe.WasSignalled("notified:g:n"));

        probe.Open("gate");
        await hold.Within();
        await probe.WaitAsync("notified:g:n");
    }

    [Fact]
    public async Task Grain_code_never_sees_the_callers_async_local_values()
    {
        await using var silo = await Silos.StartAsync();
        var grain = silo.Grain<ITurnGrain>("g");
        await grain.Ping();

        Ambient.Value.Value = "caller's";
        try
        {
            Assert.Null(await grain.AmbientValue());
            Assert.Null(await Task.Run(() => grain.AmbientValue()));
        }
        finally
        {
            Ambient.Value.Value = null;
        }
    }

    [Fact]
    public async Task A_callers_continuation_never_runs_inside_the_grains_turn()
    {
        await using var silo = await Silos.StartAsync();
        var probe = silo.Probe();
        var grain = silo.Grain<ITurnGrain>("g");
        var hold = grain.Hold("gate");
        await probe.WaitAsync("held:g:gate");

        // Blocking on the same grain from a continuation is bad style, but it must not deadlock the grain.
        var after = hold.ContinueWith(_ => grain.Ping().Wait(Probe.Patience), TaskContinuationOptions.ExecuteSynchronously);
        probe.Open("gate");

        Assert.True(await after.Within());
    }
}
