namespace Hierarchy.Serialization.Tests.Unserializable;

/// <summary>A grain interface whose one method takes and returns a type that has no generated codec.</summary>
public interface IUnserializableGrain : IGrainWithIntegerKey
{
    Task<UnserializablePayload> EchoAsync(UnserializablePayload payload);
}
