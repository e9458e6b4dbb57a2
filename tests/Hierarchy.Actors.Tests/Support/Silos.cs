using Hierarchy.Actors.Hosting;
using Hierarchy.Actors.Persistence;
using Hierarchy.Actors.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Actors.Tests.Support;

/// <summary>Starts test silos hosting this assembly's grains over in-memory storage, each with its own probe.</summary>
public static class Silos
{
    public static Task<TestSilo> StartAsync(Action<ActorsOptions>? configure = null, MemoryGrainStorage? storage = null, Action<IServiceCollection>? services = null) =>
        TestSilo.StartAsync(
            actors =>
            {
                actors.AddGrains(typeof(Silos).Assembly);
                var store = storage ?? new MemoryGrainStorage();
                actors.AddGrainStorage(ActorsOptions.DefaultStorageName, _ => store);
                if (configure is not null)
                {
                    actors.Configure(configure);
                }
            },
            s =>
            {
                s.AddSingleton<Probe>();
                services?.Invoke(s);
            });

    public static Probe Probe(this TestSilo silo) => silo.Services.GetRequiredService<Probe>();

    public static IActorRuntimeStatistics Statistics(this TestSilo silo) => silo.Services.GetRequiredService<IActorRuntimeStatistics>();

    public static IGrainStorage Storage(this TestSilo silo) => silo.Services.GetRequiredKeyedService<IGrainStorage>(ActorsOptions.DefaultStorageName);

    public static T Grain<T>(this TestSilo silo, string key) where T : IGrainWithStringKey => silo.GrainFactory.GetGrain<T>(key);
}
