namespace Hierarchy.Actors.Tests.Grains;

public interface IReentrantGrain : IGrainWithStringKey
{
    Task Hold(string gate);

    Task<int> Ping();

    /// <summary>Runs a few slices of work separated by yields; counts any slice that overlaps another on a second thread.</summary>
    Task Crunch(int slices);

    /// <summary>The most requests that were ever in progress at once.</summary>
    Task<int> MaxInProgress();

    Task Deactivate();
}
