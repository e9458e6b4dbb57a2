using Orleans;

namespace Hierarchy.Storage.State;

/// <summary>
/// Marks a grain constructor parameter of type <see cref="IJournaledState{T}"/>: the state's name and the storage
/// provider it lives in, as <c>[PersistentState]</c> does for <c>IPersistentState&lt;T&gt;</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class JournaledStateAttribute(string stateName, string storageName) : Attribute, IFacetMetadata
{
    public string StateName { get; } = stateName;

    /// <summary>The name the <see cref="IJournalStorage"/> was registered under.</summary>
    public string StorageName { get; } = storageName;
}
