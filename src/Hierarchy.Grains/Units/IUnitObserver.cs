using Orleans;
using Orleans.Concurrency;

namespace Hierarchy.Grains.Units;

/// <summary>Told when a unit's figures change; the subscriber reads the unit again at its own pace.</summary>
public interface IUnitObserver : IGrainObserver
{
    [OneWay]
    Task OnUnitChanged(string unitId, long version);
}
