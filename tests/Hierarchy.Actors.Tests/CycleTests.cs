using Hierarchy.Actors.Tests.Grains;
using Hierarchy.Actors.Tests.Support;

namespace Hierarchy.Actors.Tests;

public sealed class CycleTests
{
    private static readonly string Cycle = typeof(CycleGrain).FullName!;

    [Fact]
    public async Task A_call_cycle_between_two_grains_fails_at_once_and_names_the_cycle()
    {
        await using var silo = await Silos.StartAsync(o => o.ResponseTimeout = TimeSpan.FromMinutes(5));

        var error = await Assert.ThrowsAsync<GrainCallCycleException>(() => silo.Grain<ICycleGrain>("A").Relay(["B", "A"]).Within());

        Assert.Contains($"{Cycle}/A → {Cycle}/B → {Cycle}/A", error.Message);
        Assert.Equal([new GrainId(Cycle, "A"), new GrainId(Cycle, "B"), new GrainId(Cycle, "A")], error.Cycle);
    }

    [Fact]
    public async Task A_grain_calling_itself_fails_at_once()
    {
        await using var silo = await Silos.StartAsync(o => o.ResponseTimeout = TimeSpan.FromMinutes(5));

        var error = await Assert.ThrowsAsync<GrainCallCycleException>(() => silo.Grain<ICycleGrain>("A").Relay(["A"]).Within());

        Assert.Contains($"{Cycle}/A → {Cycle}/A", error.Message);
    }

    [Fact]
    public async Task A_longer_cycle_is_found_too_and_the_grains_stay_usable()
    {
        await using var silo = await Silos.StartAsync(o => o.ResponseTimeout = TimeSpan.FromMinutes(5));

        var error = await Assert.ThrowsAsync<GrainCallCycleException>(() => silo.Grain<ICycleGrain>("A").Relay(["B", "C", "B"]).Within());

        Assert.Contains($"{Cycle}/B → {Cycle}/C → {Cycle}/B", error.Message);
        Assert.Equal(2, await silo.Grain<ICycleGrain>("A").Relay(["B", "C"]).Within());
    }

    [Fact]
    public async Task A_chain_without_a_cycle_succeeds()
    {
        await using var silo = await Silos.StartAsync(o => o.ResponseTimeout = TimeSpan.FromMinutes(5));

        Assert.Equal(3, await silo.Grain<ICycleGrain>("A").Relay(["B", "C", "D"]).Within());
    }

    [Fact]
    public async Task Reentrant_grains_in_the_same_shape_succeed()
    {
        await using var silo = await Silos.StartAsync(o => o.ResponseTimeout = TimeSpan.FromMinutes(5));

        Assert.Equal(2, await silo.Grain<IReentrantCycleGrain>("A").Relay(["B", "A"]).Within());
        Assert.Equal(1, await silo.Grain<IReentrantCycleGrain>("A").Relay(["A"]).Within());
    }

    [Fact]
    public async Task A_call_back_into_a_grain_still_activating_fails_at_once()
    {
        await using var silo = await Silos.StartAsync(o => o.ResponseTimeout = TimeSpan.FromMinutes(5));
        var type = typeof(ActivationCycleGrain).FullName!;

        var error = await Assert.ThrowsAsync<GrainCallCycleException>(() => silo.Grain<IActivationCycleGrain>("a1").Hello().Within());

        Assert.Contains($"{type}/a1 → {type}/b → {type}/a1", error.Message);
        Assert.Equal("hello from b", await silo.Grain<IActivationCycleGrain>("b").Hello().Within());
        Assert.Equal("hello from n1", await silo.Grain<IActivationCycleGrain>("n1").Hello().Within());
    }

    [Fact]
    public async Task Read_only_calls_may_come_back_to_a_grain_in_a_read_only_turn()
    {
        await using var silo = await Silos.StartAsync(o => o.ResponseTimeout = TimeSpan.FromMinutes(5));

        Assert.Equal(2, await silo.Grain<ICycleGrain>("A").ReadRelay(["B", "A"]).Within());
    }

    [Fact]
    public async Task A_writing_call_back_into_a_read_only_turn_is_a_cycle()
    {
        await using var silo = await Silos.StartAsync(o => o.ResponseTimeout = TimeSpan.FromMinutes(5));

        var error = await Assert.ThrowsAsync<GrainCallCycleException>(() => silo.Grain<ICycleGrain>("A").ReadRelayThenWrite(["B", "A"]).Within());

        Assert.Contains($"{Cycle}/A → {Cycle}/B → {Cycle}/A", error.Message);
    }
}
