namespace Hierarchy.Actors.Persistence;

/// <summary>A write carried an ETag that no longer matches the stored record; nothing was written.</summary>
public sealed class InconsistentStateException(string message, string? storedETag = null, string? currentETag = null)
    : Exception(message)
{
    public string? StoredETag { get; } = storedETag;

    public string? CurrentETag { get; } = currentETag;
}
