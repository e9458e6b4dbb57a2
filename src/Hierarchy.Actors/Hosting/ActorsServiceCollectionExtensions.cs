using Hierarchy.Actors.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hierarchy.Actors.Hosting;

public static class ActorsServiceCollectionExtensions
{
    /// <summary>Adds the actor runtime to a generic host (the analogue of Orleans' <c>UseOrleans</c>).</summary>
    public static IServiceCollection AddActors(this IServiceCollection services, Action<ActorsBuilder> configure)
    {
        var builder = new ActorsBuilder(services);
        configure(builder);
        services.AddOptions<ActorsOptions>();
        services.AddMetrics();
        services.TryAddSingleton(new GrainTypeRegistry(builder.GrainAssemblies));
        services.TryAddSingleton<GrainRuntime>();
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainRuntime>());
        services.TryAddSingleton<IActorRuntimeStatistics>(sp => new RuntimeStatistics(sp.GetRequiredService<GrainRuntime>()));
        services.AddHostedService<ActorsHostedService>();
        return services;
    }

    private sealed class RuntimeStatistics(GrainRuntime runtime) : IActorRuntimeStatistics
    {
        public int ActivationCount => runtime.ActivationCount;
    }
}
