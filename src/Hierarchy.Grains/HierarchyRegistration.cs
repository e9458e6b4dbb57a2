using Hierarchy.Actors.Hosting;
using Hierarchy.Grains.Demo;
using Hierarchy.Grains.Import;
using Hierarchy.Grains.Rollup;
using Hierarchy.Grains.Verification;
using Hierarchy.Grains.WhatIf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hierarchy.Grains;

public static class HierarchyRegistration
{
    /// <summary>Hosts the hierarchy's grains in the runtime.</summary>
    public static ActorsBuilder AddHierarchyGrains(this ActorsBuilder builder)
    {
        builder.AddGrains<HierarchyService>();
        builder.Services.AddHierarchyDomain();
        return builder;
    }

    /// <summary>The domain services beside the grains: hierarchy operations, importers, demo data, verification, what-if, telemetry.</summary>
    public static IServiceCollection AddHierarchyDomain(this IServiceCollection services)
    {
        services.AddOptions<RollupOptions>();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HierarchyTelemetry>();
        services.TryAddSingleton<HierarchyService>();
        services.TryAddSingleton<CatalogueImporter>();
        services.TryAddSingleton<BranchCsvImporter>();
        services.TryAddSingleton<DemoDataGenerator>();
        services.TryAddSingleton<LedgerVerifier>();
        services.TryAddSingleton<ILiveQuotas, LiveQuotas>();
        services.TryAddSingleton<ScenarioService>();
        return services;
    }
}
