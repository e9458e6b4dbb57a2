using Orleans;
using Orleans.Runtime;
using Hierarchy.Grains;
using Hierarchy.Storage;
using Orleans.Storage;
using Hierarchy.Grains.Units;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Silo.Storage;

/// <summary>
/// Reads a unit's identity straight from storage, without activating its grain. The command line uses it while a
/// silo may be serving the same database: an activation here could resume the unit's pending rollup and write
/// beside the server's activation of the same grain.
/// </summary>
public sealed class StoredUnits(IServiceProvider services)
{
    public async Task<UnitInfo> GetInfoAsync(string unitId)
    {
        var storage = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Units);
        var state = new StoredGrainState<UnitState>(new UnitState());
        await storage.ReadStateAsync(UnitGrain.StateName, GrainId.Create(UnitGrain.GrainTypeName, unitId), state);
        var exists = state.RecordExists && state.State.Name is not null;
        return new UnitInfo(unitId, state.State.Name ?? "", state.State.Level, state.State.ParentId, exists, state.State.MergedInto, state.State.Kind);
    }
}
