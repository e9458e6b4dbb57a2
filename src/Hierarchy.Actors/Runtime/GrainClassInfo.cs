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
        HasOnActivate = Overrides(grainClass, nameof(Grain.OnActivateAsync));
        HasOnDeactivate = Overrides(grainClass, nameof(Grain.OnDeactivateAsync));
    }

    public Type GrainClass { get; }

    public string GrainType { get; }

    public bool IsReentrant { get; }

    public ConstructorInfo Constructor { get; }

    /// <summary>Whether the class overrides OnActivateAsync; activating a grain that does not skips the call and its timeout.</summary>
    public bool HasOnActivate { get; }

    public bool HasOnDeactivate { get; }

    private static bool Overrides(Type grainClass, string name) =>
        grainClass.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.Name == name && m.DeclaringType != typeof(Grain));
}
