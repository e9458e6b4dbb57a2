using Orleans;
using Hierarchy.Storage;
using Orleans.Runtime;

namespace Hierarchy.Grains.WhatIf;

[GrainType("scenario-catalog")]
public sealed class ScenarioCatalogGrain([PersistentState("catalog", StorageNames.Units)] IPersistentState<ScenarioCatalogState> store) : Grain, IScenarioCatalogGrain
{
    public async Task UpsertAsync(ScenarioSummary summary)
    {
        if (store.State.Scenarios.TryGetValue(summary.Id, out var known) && known == summary)
        {
            return;
        }

        store.State.Scenarios[summary.Id] = summary;
        await WriteAsync();
    }

    public async Task RemoveAsync(string scenarioId)
    {
        if (store.State.Scenarios.Remove(scenarioId))
        {
            await WriteAsync();
        }
    }

    public Task<IReadOnlyList<ScenarioSummary>> ListAsync() =>
        Task.FromResult<IReadOnlyList<ScenarioSummary>>(store.State.Scenarios.Values.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToList());

    private async Task WriteAsync()
    {
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            // Never show a list that was not recorded.
            await store.ReadStateAsync();
            throw;
        }
    }
}
