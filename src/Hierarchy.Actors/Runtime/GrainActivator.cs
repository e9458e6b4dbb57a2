using System.Collections.Concurrent;
using System.Reflection;
using Hierarchy.Actors.Hosting;
using Hierarchy.Actors.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Actors.Runtime;

/// <summary>Builds grain objects: services from dependency injection, persistent states from their storage providers.</summary>
internal sealed class GrainActivator(IServiceProvider services)
{
    private readonly ConcurrentDictionary<Type, Func<GrainRuntime, GrainId, object?>[]> plans = new();

    public (Grain Grain, IReadOnlyList<IStateLoader> States) Create(GrainClassInfo info, Activation activation)
    {
        var plan = plans.GetOrAdd(info.GrainClass, _ => BuildPlan(info.Constructor));
        var arguments = new object?[plan.Length];
        var states = new List<IStateLoader>();
        for (var i = 0; i < plan.Length; i++)
        {
            arguments[i] = plan[i](activation.Runtime, activation.GrainId);
            if (arguments[i] is IStateLoader loader)
            {
                states.Add(loader);
            }
        }

        Grain grain;
        try
        {
            grain = (Grain)info.Constructor.Invoke(arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }

        grain.Attach(activation);
        return (grain, states);
    }

    private Func<GrainRuntime, GrainId, object?>[] BuildPlan(ConstructorInfo constructor) =>
        constructor.GetParameters().Select(BuildArgument).ToArray();

    private Func<GrainRuntime, GrainId, object?> BuildArgument(ParameterInfo parameter)
    {
        var stateAttribute = parameter.GetCustomAttribute<PersistentStateAttribute>();
        if (stateAttribute is null)
        {
            var type = parameter.ParameterType;
            return (_, _) => services.GetService(type)
                ?? throw new InvalidOperationException($"No service of type {type} is registered for grain constructor parameter '{parameter.Name}'.");
        }

        var parameterType = parameter.ParameterType;
        if (!parameterType.IsGenericType || parameterType.GetGenericTypeDefinition() != typeof(IPersistentState<>))
        {
            throw new InvalidOperationException($"[PersistentState] parameter '{parameter.Name}' must be of type IPersistentState<T>.");
        }

        var stateType = typeof(PersistentState<>).MakeGenericType(parameterType.GetGenericArguments()[0]);
        var storageName = stateAttribute.StorageName ?? ActorsOptions.DefaultStorageName;
        return (runtime, grainId) =>
        {
            var storage = services.GetKeyedService<IGrainStorage>(storageName)
                ?? throw new InvalidOperationException($"No grain storage named '{storageName}' is registered (state '{stateAttribute.StateName}').");
            return Activator.CreateInstance(stateType, stateAttribute.StateName, grainId, storage, runtime.Telemetry);
        };
    }
}
