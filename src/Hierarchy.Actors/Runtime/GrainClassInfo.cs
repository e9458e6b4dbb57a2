using System.Reflection;
using Hierarchy.Actors.Concurrency;

namespace Hierarchy.Actors.Runtime;

/// <summary>What the runtime knows about one grain class: its type name, reentrancy and how to build it.</summary>
internal sealed class GrainClassInfo
{
    public GrainClassInfo(Type grainClass)
    {
        GrainClass = grainClass;
        GrainType = grainClass.GetCustomAttribute<GrainTypeAttribute>()?.GrainType ?? grainClass.FullName!;
        IsReentrant = grainClass.GetCustomAttribute<ReentrantAttribute>(inherit: true) is not null;
        Constructor = grainClass.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"Grain class {grainClass} has no public constructor.");
    }

    public Type GrainClass { get; }

    public string GrainType { get; }

    public bool IsReentrant { get; }

    public ConstructorInfo Constructor { get; }
}
