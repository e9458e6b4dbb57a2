namespace Hierarchy.Actors.AdoNet.Internal;

internal enum WriteOutcome
{
    Pending,
    Applied,
    StaleETag,
    DuplicateEntry,
}
