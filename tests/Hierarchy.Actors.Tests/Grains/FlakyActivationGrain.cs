using Hierarchy.Actors.Tests.Support;

namespace Hierarchy.Actors.Tests.Grains;

internal sealed class FlakyActivationGrain(Probe probe) : Grain, IFlakyActivationGrain
{
    private int attempt;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        attempt = probe.Increment($"attempts:{this.GetPrimaryKeyString()}");
        await Task.Yield();
        if (attempt == 1)
        {
            throw new GrainTestException($"activation {attempt} of {this.GetPrimaryKeyString()} failed");
        }
    }

    public Task<int> Attempt() => Task.FromResult(attempt);
}
