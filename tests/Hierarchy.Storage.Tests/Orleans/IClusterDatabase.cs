using Orleans.Configuration;
using Orleans.Hosting;

namespace Hierarchy.Storage.Tests.OrleansClusters;

/// <summary>A fresh database the scenarios run clusters on, and the few looks inside it they need.</summary>
public interface IClusterDatabase : IAsyncDisposable
{
    /// <summary>Registers our group-commit store on this database under <see cref="StorageNames.Journal"/>.</summary>
    void AddJournalStorage(ISiloBuilder silo);

    /// <summary>Registers Orleans' stock provider on this database under <see cref="StorageNames.Stock"/>.</summary>
    void AddStockStorage(ISiloBuilder silo, Action<AdoNetGrainStorageOptions>? configure = null);

    /// <summary>The number of rows in the stock provider's table.</summary>
    Task<long> CountStockRowsAsync();

    /// <summary>Every stock payload as text, in no particular order.</summary>
    Task<IReadOnlyList<string>> ReadStockPayloadsAsync();

    /// <summary>Counts every stock row's version on, as another silo's write would.</summary>
    Task BumpStockVersionsAsync();
}
