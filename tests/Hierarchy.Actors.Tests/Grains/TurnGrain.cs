using Hierarchy.Actors.Tests.Support;

namespace Hierarchy.Actors.Tests.Grains;

internal sealed class TurnGrain(Probe probe) : Grain, ITurnGrain
{
    private readonly string activationId = Guid.NewGuid().ToString("N");
    private int pings;

    private string Key => this.GetPrimaryKeyString();

    public async Task Step(string name)
    {
        probe.Record($"{Key}:enter:{name}");
        await Task.Delay(1);
        await Task.Yield();
        probe.Record($"{Key}:exit:{name}");
    }

    public async Task Hold(string gate)
    {
        probe.Signal($"held:{Key}:{gate}");
        await probe.Gate(gate);
        probe.Signal($"released:{Key}:{gate}");
    }

    public Task<int> Ping() => Task.FromResult(++pings);

    public Task<int> InterleavedPing() => Task.FromResult(++pings);

    public Task<int> ReadPing() => Task.FromResult(pings);

    public async Task ReadHold(string gate)
    {
        probe.Signal($"held:{Key}:{gate}");
        await probe.Gate(gate);
    }

    public async Task Notify(string name)
    {
        await Task.Yield();
        probe.Signal($"notified:{Key}:{name}");
    }

    public Task<string> ActivationId() => Task.FromResult(activationId);

    public Task<string?> AmbientValue() => Task.FromResult(Ambient.Value.Value);
}
