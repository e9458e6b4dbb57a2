namespace Hierarchy.Storage.Internal;

/// <summary>A grain_state row as read back: the payload is still JSON so deserialization happens off the connection.</summary>
internal readonly record struct StoredState(long ETag, string Payload, bool Wake);
