namespace Hierarchy.Serialization.Tests.Unserializable;

/// <summary>Implements the bad interface, so that the silo hosts it as it would a real grain.</summary>
public sealed class UnserializableGrain : Grain, IUnserializableGrain
{
    public Task<UnserializablePayload> EchoAsync(UnserializablePayload payload) => Task.FromResult(payload);
}
