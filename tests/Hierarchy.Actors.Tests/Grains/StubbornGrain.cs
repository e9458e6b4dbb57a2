using Hierarchy.Actors.Tests.Support;

namespace Hierarchy.Actors.Tests.Grains;

internal sealed class StubbornGrain(Probe probe) : Grain, IStubbornGrain
{
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Signal($"deactivating:{this.GetPrimaryKeyString()}");
        await probe.Gate($"deactivate:{this.GetPrimaryKeyString()}");
    }

    public Task<string> Hello() => Task.FromResult("hello");
}
