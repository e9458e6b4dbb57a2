namespace Hierarchy.Actors.Tests.Grains;

internal sealed class ActivationCycleGrain : Grain, IActivationCycleGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        if (key.StartsWith('a'))
        {
            await GrainFactory.GetGrain<IActivationCycleGrain>("b").CallBack(key);
        }
        else if (key.StartsWith('n'))
        {
            // Calling another grain while activating is fine as long as nothing calls back.
            await GrainFactory.GetGrain<IActivationCycleGrain>("b").CallBack("c");
        }
    }

    public Task<string> Hello() => Task.FromResult("hello from " + this.GetPrimaryKeyString());

    public Task<string> CallBack(string key) => GrainFactory.GetGrain<IActivationCycleGrain>(key).Hello();
}
