namespace Hierarchy.Actors.Benchmarks;

internal sealed class DriverGrain : Grain, IDriverGrain
{
    private IBenchGrain[]? targets;

    public async Task<long> Drive(int first, int count, int grains)
    {
        targets ??= Enumerable.Range(0, grains).Select(i => GrainFactory.GetGrain<IBenchGrain>($"spread-{i}")).ToArray();
        var next = first % grains;
        long sum = 0;
        for (var i = 0; i < count; i++)
        {
            sum += await targets[next].Ping(1);
            next = next + 1 == grains ? 0 : next + 1;
        }

        return sum;
    }
}
