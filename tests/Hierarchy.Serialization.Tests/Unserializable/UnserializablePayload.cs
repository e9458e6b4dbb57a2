namespace Hierarchy.Serialization.Tests.Unserializable;

/// <summary>
/// A type that crosses a grain interface without <c>[GenerateSerializer]</c>: the mistake the silo must refuse to
/// start with. Deliberately plain; everything in this namespace exists only to be that mistake.
/// </summary>
public sealed record UnserializablePayload(string Name);
