namespace Hierarchy.Actors.Persistence;

/// <summary>Marks a grain constructor parameter of type <see cref="IPersistentState{T}"/>: the state's name and the storage provider it lives in.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName, string? storageName = null) : Attribute
{
    public string StateName { get; } = stateName;

    /// <summary>The name the provider was registered under; the default provider when null.</summary>
    public string? StorageName { get; } = storageName;
}
