using Hierarchy.Silo.Access;
using Hierarchy.Silo.Api;
using Hierarchy.Silo.Demo;
using Hierarchy.Silo.Localization;
using Hierarchy.Silo.Streaming;
using Hierarchy.Silo.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hierarchy.Silo.Hosting;

public static class SiloWebServiceCollectionExtensions
{
    /// <summary>The HTTP side: JSON, problem details in the caller's language, OpenAPI, access control, live streams, health, and the demo's start-up work.</summary>
    public static IServiceCollection AddSiloWeb(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => SiloJson.Configure(options.SerializerOptions));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemTitles.Localize);
        services.AddSiloLocalization();
        services.AddExceptionHandler<StorageUnavailableHandler>();
        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<SiloHealthChecks>("silo", tags: [SiloHealthChecks.ReadyTag]);

        services.TryAddSingleton<SiloReadiness>();
        services.TryAddSingleton<AccessControl>();
        services.TryAddSingleton<AdminAccess>();
        services.TryAddSingleton<UnitStreamRegistry>();
        services.TryAddSingleton<SystemMonitor>();
        services.TryAddSingleton<StartupBanner>();

        // After the runtime's own hosted services (registered by AddSiloCore), in this order.
        services.AddHostedService(sp => sp.GetRequiredService<StartupBanner>());
        services.AddHostedService<DemoBootstrapper>();
        services.AddHostedService<AdmissionSimulator>();
        services.AddHostedService<ResubscribeOnSiloLoss>();
        return services;
    }
}
