using Orleans;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.WhatIf;

/// <summary>
/// What-if scenarios for callers outside the grains (the HTTP API, tools, tests): creates them by snapshotting a
/// subtree, and reads, edits, compares, applies and discards them through their grains. The snapshot is read here,
/// with read-only calls, so no scenario work ever runs on a unit grain's turn.
/// </summary>
public sealed class ScenarioService(IGrainFactory grains, HierarchyService hierarchy, TimeProvider clock)
{
    public const int MaxNameLength = 200;

    private const int Parallelism = 64;

    /// <summary>The scenario grain of a well-formed id (see <see cref="IsWellFormed"/>).</summary>
    public IScenarioGrain Scenario(string id) => grains.GetGrain<IScenarioGrain>(Guid.ParseExact(id, "N"));

    public Task<IReadOnlyList<ScenarioSummary>> ListAsync() =>
        grains.GetGrain<IScenarioCatalogGrain>(IScenarioCatalogGrain.Key).ListAsync();

    public async Task<ScenarioSummary?> GetSummaryAsync(string id) =>
        IsWellFormed(id) ? await Scenario(id).GetSummaryAsync() : null;

    public async Task<ScenarioCreateResult> CreateAsync(string? name, string? rootUnitId, int year, string author)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            return Invalid(ValidationError.Coded("name", ValidationCodes.ScenarioName, "A name of 1 to {0} characters is required.", MaxNameLength));
        }

        if (year is < 1930 or > 2200)
        {
            return Invalid(ValidationError.Coded("year", ValidationCodes.YearOutOfRange, "The year is out of range."));
        }

        if (string.IsNullOrWhiteSpace(rootUnitId))
        {
            return Invalid(ValidationError.Coded("rootUnitId", ValidationCodes.ScenarioRootRequired, "The unit the scenario covers is required."));
        }

        var root = await hierarchy.Unit(rootUnitId).GetInfoAsync();
        if (!root.Exists || root.MergedInto is not null || root.RetiredOn is not null)
        {
            return Invalid(ValidationError.Coded("rootUnitId", ValidationCodes.ScenarioRootMissing, "Unit '{0}' does not exist.", rootUnitId));
        }

        if (root.Level == UnitLevel.Branch)
        {
            return Invalid(ValidationError.Coded("rootUnitId", ValidationCodes.ScenarioRootIsBranch, "A scenario covers a unit with units below it; a branch has none."));
        }

        var path = await hierarchy.GetPathAsync(rootUnitId);
        var snapshot = await TakeSnapshotAsync(rootUnitId, year);
        var id = Guid.CreateVersion7().ToString("N");
        var summary = new ScenarioSummary(
            id,
            name,
            author,
            root.Id,
            root.Name,
            root.Level,
            [.. path.Select(p => p.Id)],
            year,
            ScenarioStatus.Draft,
            clock.GetUtcNow(),
            snapshot.Units.Length);
        return await Scenario(id).CreateAsync(summary, snapshot);
    }

    /// <summary>The scenario around a unit, compared with live and, when <paramref name="compareToId"/> is given, with that scenario.</summary>
    public async Task<ScenarioReportResult> GetReportAsync(string id, string? focusUnitId = null, string? compareToId = null)
    {
        if (!IsWellFormed(id))
        {
            return new ScenarioReportResult(ScenarioOutcome.NotFound);
        }

        ScenarioAllocation? other = null;
        if (!string.IsNullOrEmpty(compareToId))
        {
            other = IsWellFormed(compareToId) ? await Scenario(compareToId).GetAllocationAsync() : null;
            if (other is null)
            {
                return new ScenarioReportResult(ScenarioOutcome.Invalid, Error: ValidationError.Coded("compareTo", ValidationCodes.ScenarioMissing, "Scenario '{0}' does not exist.", compareToId));
            }
        }

        return await Scenario(id).GetReportAsync(string.IsNullOrEmpty(focusUnitId) ? null : focusUnitId, other);
    }

    public async Task<ScenarioEditResult> EditAsync(string id, ScenarioEdit edit, string by) =>
        IsWellFormed(id) ? await Scenario(id).EditAsync(edit, by) : new ScenarioEditResult(ScenarioOutcome.NotFound);

    public async Task<ApplyResult> ApplyAsync(string id, string by) =>
        IsWellFormed(id) ? await Scenario(id).ApplyAsync(by) : new ApplyResult(ScenarioOutcome.NotFound, null, 0, [], []);

    public async Task<bool> DiscardAsync(string id) =>
        IsWellFormed(id) && await Scenario(id).DiscardAsync();

    /// <summary>Reads every unit of the subtree for the year: live quota and its version, members, admissions, last year.</summary>
    public async Task<ScenarioSnapshot> TakeSnapshotAsync(string rootUnitId, int year)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var takenAt = clock.GetUtcNow();
        var progress = Projections.Progress(year, today);
        var subtree = await hierarchy.SubtreeAsync(rootUnitId);
        var units = new SnapshotUnit?[subtree.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, subtree.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, _) =>
        {
            var info = subtree[i];
            var view = await hierarchy.Unit(info.Id).GetViewAsync(year, today);
            if (view is not null)
            {
                units[i] = new SnapshotUnit(
                    view.Id,
                    view.Name,
                    view.Level,
                    view.ParentId,
                    view.Quota,
                    view.QuotaVersion,
                    view.MembersAtStart,
                    view.Admitted,
                    view.LastYear.AdmittedFullYear,
                    view.LastYear.Quota,
                    year == today.Year && view.Pipeline is { } pipeline ? [.. Enum.GetValues<CandidateStage>().Select(s => pipeline.AtStage[JsonNames.Of(s)])] : default);
            }
        });
        return new ScenarioSnapshot(rootUnitId, year, takenAt, progress.DaysElapsed, progress.DaysInYear, [.. units.OfType<SnapshotUnit>()]);
    }

    /// <summary>Scenario ids are the service's own; anything else is not looked up, so no grain is activated for junk.</summary>
    /// <summary>Scenario ids are GUIDs in 32 lower-case hexadecimal digits; anything else names no scenario.</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: 32 } && Guid.TryParseExact(id, "N", out var parsed) && parsed.ToString("N") == id;

    private static ScenarioCreateResult Invalid(ValidationError error) => new(ScenarioOutcome.Invalid, Error: error);
}
