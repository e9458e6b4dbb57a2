using Hierarchy.Actors;

namespace Hierarchy.Grains.Units;

/// <summary>Told when a unit's figures change; the subscriber reads the unit again at its own pace.</summary>
public interface IUnitObserver : IGrainObserver
{
    Task OnUnitChanged(string unitId, long version);
}
