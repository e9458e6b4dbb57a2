namespace Hierarchy.Actors;

public enum DeactivationReason
{
    IdleCollection,
    ApplicationRequested,
    ShuttingDown,
}
