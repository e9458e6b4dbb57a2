namespace Hierarchy.Actors;

/// <summary>Names a grain class's type in storage and telemetry (Orleans' <c>[GrainType]</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string grainType) : Attribute
{
    public string GrainType { get; } = grainType;
}
