namespace Hierarchy.Storage.Internal;

/// <summary>A grain's identity as the tables hold it: the grain type and the exact key, both as text.</summary>
internal readonly record struct StoredGrainId(string Type, string Key)
{
    public override string ToString() => $"{Type}/{Key}";
}
