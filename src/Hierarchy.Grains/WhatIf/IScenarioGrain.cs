using Orleans;
using Orleans.Concurrency;

namespace Hierarchy.Grains.WhatIf;

/// <summary>
/// One what-if scenario, keyed by its id: a snapshot of a subtree's live quotas and figures for a year, edited in a
/// sandbox and projected after every edit. It runs on its own turns, never on a unit grain's, and touches live data
/// only when applied. Create scenarios through <see cref="ScenarioService"/>, which takes the snapshot.
/// </summary>
public interface IScenarioGrain : IGrainWithGuidKey
{
    Task<ScenarioCreateResult> CreateAsync(ScenarioSummary summary, ScenarioSnapshot snapshot);

    [ReadOnly]
    Task<ScenarioSummary?> GetSummaryAsync();

    /// <summary>The projection around one unit (the root when null) and the differences from live, and from another scenario when given.</summary>
    [ReadOnly]
    Task<ScenarioReportResult> GetReportAsync(string? focusUnitId, ScenarioAllocation? compareWith);

    [ReadOnly]
    Task<ScenarioAllocation?> GetAllocationAsync();

    Task<ScenarioEditResult> EditAsync(ScenarioEdit edit, string by);

    /// <summary>Writes the changed quotas to the live units, all or none; refused if any of them changed since the snapshot.</summary>
    Task<ApplyResult> ApplyAsync(string by);

    /// <summary>Forgets the scenario; live data never saw it. False when there was nothing to discard.</summary>
    Task<bool> DiscardAsync();
}
