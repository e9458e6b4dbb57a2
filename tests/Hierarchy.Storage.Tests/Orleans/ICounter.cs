using Orleans;

namespace Hierarchy.Storage.Tests.OrleansClusters;

/// <summary>What every test grain does: add to its persisted number (writing it) and tell it.</summary>
public interface ICounter : IGrain
{
    Task<int> Add(int amount);

    Task<int> Get();
}
