using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Hierarchy.Storage.State;

/// <summary>Creates the <see cref="IJournaledState{T}"/> facet for a grain constructor parameter marked with <see cref="JournaledStateAttribute"/>.</summary>
internal sealed class JournaledStateAttributeMapper : IAttributeToFactoryMapper<JournaledStateAttribute>
{
    private static readonly MethodInfo CreateMethod = typeof(JournaledStateAttributeMapper).GetMethod(nameof(Create), BindingFlags.NonPublic | BindingFlags.Static)!;

    public Factory<IGrainContext, object> GetFactory(ParameterInfo parameter, JournaledStateAttribute metadata)
    {
        if (!parameter.ParameterType.IsGenericType || parameter.ParameterType.GetGenericTypeDefinition() != typeof(IJournaledState<>))
        {
            throw new ArgumentException(
                $"Parameter '{parameter.Name}' of {parameter.Member.DeclaringType} is marked [JournaledState] and must be an {typeof(IJournaledState<>).Name[..^2]}<T>, not {parameter.ParameterType}.",
                parameter.Name);
        }

        var create = CreateMethod.MakeGenericMethod(parameter.ParameterType.GetGenericArguments());
        return context => create.Invoke(null, [context, metadata])!;
    }

    private static IJournaledState<T> Create<T>(IGrainContext context, JournaledStateAttribute metadata)
    {
        var storage = context.ActivationServices.GetKeyedService<IJournalStorage>(metadata.StorageName)
            ?? throw new BadProviderConfigException(
                $"No journal storage named '{metadata.StorageName}' is registered for state '{metadata.StateName}' of grain type {context.GrainId.Type}.");
        var state = new JournaledState<T>(metadata.StateName, context.GrainId, storage);
        context.ObservableLifecycle.Subscribe(typeof(JournaledState<T>).FullName!, GrainLifecycleStage.SetupState, ct => ct.IsCancellationRequested ? Task.CompletedTask : state.ReadStateAsync());
        return state;
    }
}
