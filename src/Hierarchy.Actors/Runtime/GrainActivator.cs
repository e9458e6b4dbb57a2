using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Hierarchy.Actors.Hosting;
using Hierarchy.Actors.Persistence;
using Hierarchy.Actors.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Actors.Runtime;

/// <summary>Builds grain objects: services from dependency injection, persistent states from their storage providers.</summary>
internal sealed class GrainActivator(IServiceProvider services)
{
    private readonly ConcurrentDictionary<Type, Plan> plans = new();

    public (Grain Grain, IReadOnlyList<IStateLoader> States) Create(GrainClassInfo info, Activation activation)
    {
        var plan = plans.GetOrAdd(info.GrainClass, static (_, state) => state.Self.BuildPlan(state.Info), (Self: this, Info: info));
        var arguments = plan.Arguments.Length == 0 ? [] : new object?[plan.Arguments.Length];
        IReadOnlyList<IStateLoader> states = [];
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = plan.Arguments[i](activation.Runtime, activation.GrainId);
            arguments[i] = argument;
            if (argument is IStateLoader loader)
            {
                states = states.Count == 0 ? [loader] : [.. states, loader];
            }
        }

        var grain = plan.Construct(arguments);
        grain.Attach(activation);
        return (grain, states);
    }

    private Plan BuildPlan(GrainClassInfo info)
    {
        var parameters = info.Constructor.GetParameters();
        return new Plan(parameters.Select(BuildArgument).ToArray(), CompileConstructor(info.Constructor, parameters));
    }

    // Compiled once per grain class, so activating a grain costs a delegate call rather than reflection.
    private static Func<object?[], Grain> CompileConstructor(ConstructorInfo constructor, ParameterInfo[] parameters)
    {
        var arguments = Expression.Parameter(typeof(object?[]), "arguments");
        var create = Expression.New(
            constructor,
            parameters.Select((p, i) => Expression.Convert(Expression.ArrayIndex(arguments, Expression.Constant(i)), p.ParameterType)));
        return Expression.Lambda<Func<object?[], Grain>>(Expression.Convert(create, typeof(Grain)), arguments).Compile();
    }

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

        var createState = CompileStateFactory(typeof(PersistentState<>).MakeGenericType(parameterType.GetGenericArguments()[0]));
        var storageName = stateAttribute.StorageName ?? ActorsOptions.DefaultStorageName;
        var stateName = stateAttribute.StateName;
        IGrainStorage? storage = null;
        return (runtime, grainId) =>
        {
            // Resolved on first use, not when the plan is built, so a provider registered late still counts.
            storage ??= services.GetKeyedService<IGrainStorage>(storageName)
                ?? throw new InvalidOperationException($"No grain storage named '{storageName}' is registered (state '{stateName}').");
            return createState(stateName, grainId, storage, runtime.Telemetry);
        };
    }

    private static Func<string, GrainId, IGrainStorage, ActorsTelemetry, object> CompileStateFactory(Type stateType)
    {
        var name = Expression.Parameter(typeof(string), "stateName");
        var id = Expression.Parameter(typeof(GrainId), "grainId");
        var storage = Expression.Parameter(typeof(IGrainStorage), "storage");
        var telemetry = Expression.Parameter(typeof(ActorsTelemetry), "telemetry");
        var constructor = stateType.GetConstructor([typeof(string), typeof(GrainId), typeof(IGrainStorage), typeof(ActorsTelemetry)])!;
        return Expression.Lambda<Func<string, GrainId, IGrainStorage, ActorsTelemetry, object>>(
            Expression.New(constructor, name, id, storage, telemetry), name, id, storage, telemetry).Compile();
    }

    private sealed record Plan(Func<GrainRuntime, GrainId, object?>[] Arguments, Func<object?[], Grain> Construct);
}
