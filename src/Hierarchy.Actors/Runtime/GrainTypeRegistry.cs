using System.Reflection;

namespace Hierarchy.Actors.Runtime;

/// <summary>Maps grain interfaces to the one class implementing each, and grain type names back to classes.</summary>
internal sealed class GrainTypeRegistry
{
    private readonly Dictionary<Type, GrainClassInfo> byInterface = [];
    private readonly Dictionary<string, GrainClassInfo> byTypeName = new(StringComparer.Ordinal);

    public GrainTypeRegistry(IEnumerable<Assembly> assemblies)
    {
        foreach (var type in assemblies.SelectMany(SafeTypes))
        {
            if (!type.IsClass || type.IsAbstract || !typeof(Grain).IsAssignableFrom(type) || type.ContainsGenericParameters)
            {
                continue;
            }

            var info = new GrainClassInfo(type);
            if (!byTypeName.TryAdd(info.GrainType, info))
            {
                throw new InvalidOperationException($"Two grain classes share the grain type '{info.GrainType}'.");
            }

            foreach (var grainInterface in type.GetInterfaces().Where(IsGrainInterface))
            {
                if (!byInterface.TryAdd(grainInterface, info))
                {
                    throw new InvalidOperationException(
                        $"Grain interface {grainInterface} is implemented by both {byInterface[grainInterface].GrainClass} and {type}.");
                }
            }
        }
    }

    public GrainClassInfo ForInterface(Type grainInterface) =>
        byInterface.TryGetValue(grainInterface, out var info)
            ? info
            : throw new InvalidOperationException($"No grain class implements {grainInterface}. Register its assembly with AddGrains.");

    public GrainClassInfo? ForTypeName(string grainType) => byTypeName.GetValueOrDefault(grainType);

    private static bool IsGrainInterface(Type type) =>
        type.IsInterface && typeof(IGrain).IsAssignableFrom(type) && type != typeof(IGrain) && type != typeof(IGrainWithStringKey);

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.Where(t => t is not null)!;
        }
    }
}
