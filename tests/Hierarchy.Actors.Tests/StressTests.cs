using Hierarchy.Actors.Tests.Grains;
using Hierarchy.Actors.Tests.Support;

namespace Hierarchy.Actors.Tests;

public sealed class StressTests
{
    [Fact]
    public async Task Thousands_of_concurrent_callers_lose_no_update_on_one_grain()
    {
        await using var silo = await Silos.StartAsync();
        const int callers = 5000;

        var results = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(() => silo.Grain<ICounterGrain>("hot").Increment()))).Within();

        Assert.Equal(Enumerable.Range(1, callers), results.Order());
        Assert.Equal(callers, await silo.Grain<ICounterGrain>("hot").Get());
    }

    [Fact]
    public async Task Thousands_of_concurrent_callers_lose_no_update_across_many_grains()
    {
        await using var silo = await Silos.StartAsync();
        const int grains = 500;
        const int perGrain = 20;

        await Task.WhenAll(Enumerable.Range(0, grains * perGrain).Select(i => Task.Run(async () =>
        {
            var grain = silo.Grain<ICounterGrain>((i % grains).ToString());
            await grain.Increment();
            await grain.IncrementInMemory();
        }))).Within();

        for (var g = 0; g < grains; g++)
        {
            Assert.Equal(2 * perGrain, await silo.Grain<ICounterGrain>(g.ToString()).Get());
        }
    }

    [Fact]
    public async Task Grain_to_grain_calls_under_load_lose_nothing()
    {
        await using var silo = await Silos.StartAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 2000).Select(i => silo.Grain<ICycleGrain>($"s{i % 50}").Relay([$"t{i % 7}", $"u{i % 3}"]))).Within();

        Assert.All(results, r => Assert.Equal(2, r));
    }
}
