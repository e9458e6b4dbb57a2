using Hierarchy.Actors.Tests.Grains;
using Hierarchy.Actors.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Actors.Tests;

public sealed class ActivationTests
{
    [Fact]
    public async Task Concurrent_first_calls_share_one_activation()
    {
        await using var silo = await Silos.StartAsync();

        var ids = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => silo.Grain<ICounterGrain>("c").ActivationId()))).Within();

        Assert.Single(ids.Distinct());
        Assert.Equal(1, silo.Probe().Count("activations:c"));
    }

    [Fact]
    public async Task Grains_are_built_by_dependency_injection()
    {
        await using var silo = await Silos.StartAsync(services: s => s.AddSingleton(new Greeter("Xin chào")));

        Assert.Equal("Xin chào, Hà Nội", await silo.Grain<IGreeterGrain>("Hà Nội").Hello());
    }

    [Fact]
    public async Task Keys_are_exact_strings()
    {
        await using var silo = await Silos.StartAsync();

        Assert.Equal("01", await silo.Grain<ICounterGrain>("01").Key());
        await silo.Grain<ICounterGrain>("01").Increment();
        await silo.Grain<ICounterGrain>("01").Increment();
        await silo.Grain<ICounterGrain>("1").Increment();
        await silo.Grain<ICounterGrain>("00001").Increment();
        await silo.Grain<ICounterGrain>("00001").Increment();
        await silo.Grain<ICounterGrain>("00001").Increment();

        Assert.Equal(2, await silo.Grain<ICounterGrain>("01").Get());
        Assert.Equal(1, await silo.Grain<ICounterGrain>("1").Get());
        Assert.Equal(3, await silo.Grain<ICounterGrain>("00001").Get());
        Assert.Equal(0, await silo.Grain<ICounterGrain>(" 1").Get());
    }

    [Fact]
    public async Task References_to_the_same_grain_are_equal()
    {
        await using var silo = await Silos.StartAsync();

        Assert.Equal(silo.Grain<ICounterGrain>("a"), silo.Grain<ICounterGrain>("a"));
        Assert.Equal(silo.Grain<ICounterGrain>("a").GetHashCode(), silo.Grain<ICounterGrain>("a").GetHashCode());
        Assert.NotEqual(silo.Grain<ICounterGrain>("a"), silo.Grain<ICounterGrain>("b"));
    }

    [Fact]
    public async Task An_idle_activation_is_collected_and_the_next_call_reads_its_state_again()
    {
        var storage = new Persistence.MemoryGrainStorage();
        await using var silo = await Silos.StartAsync(
            o =>
            {
                o.CollectionAge = TimeSpan.FromMilliseconds(200);
                o.SweepInterval = TimeSpan.FromMilliseconds(50);
            },
            storage);
        var probe = silo.Probe();
        var grain = silo.Grain<ICounterGrain>("c");
        Assert.Equal(1, await grain.Increment());
        var first = await grain.ActivationId();

        await probe.WaitAsync("deactivated:c:1");
        Assert.Contains("deactivated:c:IdleCollection", probe.Events);

        // Change the record behind the grain's back: a new activation must see it.
        var stored = new Persistence.GrainState<CounterState>(new CounterState());
        var id = new GrainId(typeof(CounterGrain).FullName!, "c");
        await storage.ReadStateAsync("counter", id, stored);
        stored.State.Value = 41;
        await storage.WriteStateAsync("counter", id, stored);

        // With so short a collection age, a slow machine may collect the grain again between these calls; each new
        // activation reads the same stored state, so the assertions hold either way.
        Assert.Equal(41, await grain.ValueAtActivation());
        Assert.NotEqual(first, await grain.ActivationId());
        Assert.Equal(42, await grain.Increment());
        Assert.True(probe.Count("activations:c") >= 2);
    }

    [Fact]
    public async Task Deactivate_on_idle_deactivates_after_the_request_and_the_next_call_reactivates()
    {
        await using var silo = await Silos.StartAsync();
        var probe = silo.Probe();
        var grain = silo.Grain<ICounterGrain>("c");
        await grain.Increment();
        var first = await grain.ActivationId();

        await grain.Deactivate();
        await probe.WaitAsync("deactivated:c:1");

        Assert.Contains("deactivated:c:ApplicationRequested", probe.Events);
        Assert.NotEqual(first, await grain.ActivationId());
        Assert.Equal(1, await grain.Get());
    }

    [Fact]
    public async Task Calls_that_arrive_during_deactivation_go_to_the_next_activation()
    {
        await using var silo = await Silos.StartAsync();
        var probe = silo.Probe();
        var grain = silo.Grain<ICounterGrain>("c");
        await grain.Increment();

        var deactivate = grain.Deactivate();
        var after = Enumerable.Range(0, 20).Select(_ => grain.Increment()).ToList();
        await deactivate.Within();
        var results = await Task.WhenAll(after).Within();

        Assert.Equal(Enumerable.Range(2, 20), results.Order());
        Assert.Equal(21, await grain.Get());
        Assert.Equal(2, probe.Count("activations:c"));
    }

    [Fact]
    public async Task Deactivate_on_idle_admits_nothing_more_so_a_busy_reentrant_grain_still_deactivates()
    {
        await using var silo = await Silos.StartAsync();
        var probe = silo.Probe();
        var grain = silo.Grain<IReentrantGrain>("r");
        Assert.Equal(1, await grain.Ping());

        var hold = grain.Hold("gate");
        await probe.WaitAsync("held:r:gate");
        await grain.Deactivate().Within();
        var ping = grain.Ping();
        await Eventually.StaysPendingAsync(ping, "a request to a grain that is about to deactivate");

        probe.Open("gate");
        await hold.Within();
        Assert.Equal(1, await ping.Within());
    }
}
