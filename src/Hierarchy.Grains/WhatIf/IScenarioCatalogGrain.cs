using Orleans;
using Orleans.Concurrency;

namespace Hierarchy.Grains.WhatIf;

/// <summary>The list of scenarios with their name, author, root, year and status; kept up to date by the scenario grains.</summary>
public interface IScenarioCatalogGrain : IGrainWithStringKey
{
    public const string Key = "all";

    Task UpsertAsync(ScenarioSummary summary);

    Task RemoveAsync(string scenarioId);

    /// <summary>Newest first.</summary>
    [ReadOnly]
    Task<IReadOnlyList<ScenarioSummary>> ListAsync();
}
