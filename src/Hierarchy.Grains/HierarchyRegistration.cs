using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Closing;
using Hierarchy.Grains.Demo;
using Hierarchy.Grains.Hosting;
using Hierarchy.Grains.Import;
using Hierarchy.Grains.Reform;
using Hierarchy.Grains.Rollup;
using Hierarchy.Grains.Verification;
using Hierarchy.Grains.WhatIf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans;
using Orleans.Hosting;
using Orleans.Runtime;

namespace Hierarchy.Grains;

public static class HierarchyRegistration
{
    /// <summary>
    /// What a silo needs beside the grains themselves (Orleans finds those in this assembly): the domain services and
    /// the start-up task that wakes units with unfinished rollup work (and the watch that wakes them again when another
    /// silo of the cluster dies), the filter that fails call cycles at once
    /// instead of after the response timeout, and the one that repeats a harmless call lost with a silo. The host registers the storage providers named in <see cref="StorageNames"/>.
    /// </summary>
    public static ISiloBuilder AddHierarchyGrains(this ISiloBuilder builder)
    {
        builder.Services.AddHierarchyDomain();
        builder.Services.TryAddSingleton<UnitWaker>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, WakeUnitsOnSiloLoss>();
        builder.AddStartupTask<WakeUnitsStartupTask>();
        builder.AddOutgoingGrainCallFilter<CallChainFilter>();
        builder.AddOutgoingGrainCallFilter<RetryOnSiloLossFilter>();
        return builder;
    }

    /// <summary>
    /// What a process that joins a running cluster as a client needs (the commands): the filter that repeats a harmless
    /// call lost with a silo, or answered by an activation that was a duplicate for a moment after one died.
    /// </summary>
    public static IClientBuilder AddHierarchyClient(this IClientBuilder builder)
    {
        builder.Services.AddHierarchyDomain();
        builder.AddOutgoingGrainCallFilter<RetryOnSiloLossFilter>();
        return builder;
    }

    /// <summary>The domain services beside the grains: hierarchy operations, importers, demo data, verification, what-if, telemetry.</summary>
    public static IServiceCollection AddHierarchyDomain(this IServiceCollection services)
    {
        services.AddOptions<RollupOptions>();
        services.AddOptions<CalendarOptions>();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HierarchyTelemetry>();
        services.TryAddSingleton<WorkingCalendar>();
        services.TryAddSingleton<HierarchyService>();
        services.TryAddSingleton<ClosingService>();
        services.TryAddSingleton<RollupSettler>();
        services.TryAddSingleton<CatalogueImporter>();
        services.TryAddSingleton<BranchCsvImporter>();
        services.TryAddSingleton<IndicatorCsvImporter>();
        services.TryAddSingleton<UnitCsvImporter>();
        services.TryAddSingleton<DemoDataGenerator>();
        services.TryAddSingleton<LedgerVerifier>();
        services.TryAddSingleton<RestructureService>();
        services.TryAddSingleton<ILiveQuotas, LiveQuotas>();
        services.TryAddSingleton<ScenarioService>();
        return services;
    }
}
