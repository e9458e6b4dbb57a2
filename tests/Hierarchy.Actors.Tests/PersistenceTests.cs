using Hierarchy.Actors.Persistence;
using Hierarchy.Actors.Tests.Grains;
using Hierarchy.Actors.Tests.Support;

namespace Hierarchy.Actors.Tests;

public sealed class PersistenceTests
{
    private static GrainId Counter(string key) => new(typeof(CounterGrain).FullName!, key);

    [Fact]
    public async Task State_is_read_before_on_activate()
    {
        var storage = new MemoryGrainStorage();
        await storage.WriteStateAsync("counter", Counter("c"), new GrainState<CounterState>(new CounterState { Value = 17 }));
        await using var silo = await Silos.StartAsync(storage: storage);

        Assert.Equal(17, await silo.Grain<ICounterGrain>("c").ValueAtActivation());
    }

    [Fact]
    public async Task Write_state_stores_the_state_under_type_name_and_exact_key()
    {
        var storage = new MemoryGrainStorage();
        await using var silo = await Silos.StartAsync(storage: storage);

        await silo.Grain<ICounterGrain>("01").Set(5, wakeOnStart: false);
        await silo.Grain<ICounterGrain>("1").Set(9, wakeOnStart: false);
        await silo.Grain<IOtherCounterGrain>("01").Increment();

        Assert.Equal(5, (await Read(storage, Counter("01"))).State.Value);
        Assert.Equal(9, (await Read(storage, Counter("1"))).State.Value);
        Assert.Equal(1, (await Read(storage, new GrainId("other-counter", "01"))).State.Value);
        Assert.True((await Read(storage, Counter("01"))).RecordExists);
    }

    [Fact]
    public async Task Clear_state_removes_the_record_and_resets_the_state()
    {
        var storage = new MemoryGrainStorage();
        await using var silo = await Silos.StartAsync(storage: storage);
        var grain = silo.Grain<ICounterGrain>("c");
        await grain.Set(5, wakeOnStart: false);

        await grain.Clear();

        Assert.False((await Read(storage, Counter("c"))).RecordExists);
        Assert.False(await grain.RecordExists());
        Assert.Equal(0, await grain.Get());
        Assert.Equal(1, await grain.Increment());
    }

    [Fact]
    public async Task A_stale_write_fails_with_inconsistent_state_and_overwrites_nothing()
    {
        var storage = new MemoryGrainStorage();
        await using var silo = await Silos.StartAsync(storage: storage);
        var grain = silo.Grain<ICounterGrain>("c");
        Assert.Equal(1, await grain.Increment());

        // Another writer updates the same record between the grain's read and its next write.
        var other = await Read(storage, Counter("c"));
        other.State.Value = 100;
        await storage.WriteStateAsync("counter", Counter("c"), other);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Increment().Within());
        Assert.Equal(100, (await Read(storage, Counter("c"))).State.Value);
    }

    [Fact]
    public async Task A_grain_that_asked_to_be_woken_is_activated_when_a_new_silo_starts()
    {
        var storage = new MemoryGrainStorage();
        await using (var first = await Silos.StartAsync(storage: storage))
        {
            await first.Grain<ICounterGrain>("wake").Set(7, wakeOnStart: true);
            await first.Grain<ICounterGrain>("sleep").Set(3, wakeOnStart: false);
            await first.KillAsync();
        }

        await using var second = await Silos.StartAsync(storage: storage);
        var probe = second.Probe();

        await probe.WaitAsync("activated:wake:1");
        Assert.Equal(0, probe.Count("activations:sleep"));
        Assert.Equal(7, await second.Grain<ICounterGrain>("wake").ValueAtActivation());
    }

    private static async Task<GrainState<CounterState>> Read(IGrainStorage storage, GrainId id)
    {
        var state = new GrainState<CounterState>(new CounterState());
        await storage.ReadStateAsync("counter", id, state);
        return state;
    }
}
