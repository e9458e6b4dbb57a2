namespace Hierarchy.Silo.Streaming;

/// <summary>A unit view ready to send: serialized once per change, shared by every client of the unit.</summary>
public sealed record StreamEvent(long Version, string Json);
