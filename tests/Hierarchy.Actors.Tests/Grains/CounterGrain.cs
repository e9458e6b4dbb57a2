using Hierarchy.Actors.Persistence;
using Hierarchy.Actors.Tests.Support;

namespace Hierarchy.Actors.Tests.Grains;

internal sealed class CounterGrain([PersistentState("counter")] IPersistentState<CounterState> state, Probe probe) : Grain, ICounterGrain
{
    private readonly string activationId = Guid.NewGuid().ToString("N");
    private int valueAtActivation = -1;

    private string KeyString => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        valueAtActivation = state.State.Value;
        var n = probe.Increment($"activations:{KeyString}");
        probe.Signal($"activated:{KeyString}:{n}");
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        var n = probe.Increment($"deactivations:{KeyString}");
        probe.Record($"deactivated:{KeyString}:{reason}");
        probe.Signal($"deactivated:{KeyString}:{n}");
        return Task.CompletedTask;
    }

    public async Task<int> Increment()
    {
        state.State.Value++;
        await state.WriteStateAsync();
        return state.State.Value;
    }

    public Task<int> IncrementInMemory() => Task.FromResult(++state.State.Value);

    public Task<int> Get() => Task.FromResult(state.State.Value);

    public Task<int> ValueAtActivation() => Task.FromResult(valueAtActivation);

    public Task<string> Key() => Task.FromResult(KeyString);

    public Task<string> ActivationId() => Task.FromResult(activationId);

    public Task Set(int value, bool wakeOnStart)
    {
        state.State.Value = value;
        state.WakeOnStart = wakeOnStart;
        return state.WriteStateAsync();
    }

    public Task Clear() => state.ClearStateAsync();

    public Task<bool> RecordExists() => Task.FromResult(state.RecordExists);

    public Task Fail(string message)
    {
        state.State.Value++;
        throw new GrainTestException(message);
    }

    public async Task<int> FailLater(string message)
    {
        state.State.Value++;
        await Task.Delay(1);
        throw new GrainTestException(message);
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
