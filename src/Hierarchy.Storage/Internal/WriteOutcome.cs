namespace Hierarchy.Storage.Internal;

internal enum WriteOutcome
{
    Pending,
    Applied,
    StaleETag,
    DuplicateEntry,
}
