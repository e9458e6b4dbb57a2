namespace Hierarchy.Actors.Tests.Grains;

public interface IGreeterGrain : IGrainWithStringKey
{
    Task<string> Hello();
}
