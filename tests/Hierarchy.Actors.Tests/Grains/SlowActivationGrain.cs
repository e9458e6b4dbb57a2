using Hierarchy.Actors.Tests.Support;

namespace Hierarchy.Actors.Tests.Grains;

internal sealed class SlowActivationGrain(Probe probe) : Grain, ISlowActivationGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.Signal($"activating:{this.GetPrimaryKeyString()}");
        await probe.Gate($"activate:{this.GetPrimaryKeyString()}");
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivated:{this.GetPrimaryKeyString()}:{reason}");
        return Task.CompletedTask;
    }

    public Task<string> Hello() => Task.FromResult("hello");
}
