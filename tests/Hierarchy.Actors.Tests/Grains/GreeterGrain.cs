namespace Hierarchy.Actors.Tests.Grains;

internal sealed class GreeterGrain(Greeter greeter) : Grain, IGreeterGrain
{
    public Task<string> Hello() => Task.FromResult(greeter.Greet(this.GetPrimaryKeyString()));
}
