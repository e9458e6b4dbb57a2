using System.Reflection;
using Hierarchy.Actors.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Actors.Hosting;

/// <summary>Configures the runtime: which grain classes it hosts and which storage providers they use.</summary>
public sealed class ActorsBuilder(IServiceCollection services)
{
    internal List<Assembly> GrainAssemblies { get; } = [];

    public IServiceCollection Services { get; } = services;

    public ActorsBuilder AddGrains(Assembly assembly)
    {
        if (!GrainAssemblies.Contains(assembly))
        {
            GrainAssemblies.Add(assembly);
        }

        return this;
    }

    public ActorsBuilder AddGrains<TMarker>() => AddGrains(typeof(TMarker).Assembly);

    public ActorsBuilder Configure(Action<ActorsOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    public ActorsBuilder AddGrainStorage(string name, Func<IServiceProvider, IGrainStorage> factory)
    {
        Services.AddKeyedSingleton(name, (sp, _) => factory(sp));
        return this;
    }

    public ActorsBuilder AddMemoryGrainStorage(string name = ActorsOptions.DefaultStorageName) =>
        AddGrainStorage(name, _ => new MemoryGrainStorage());
}
