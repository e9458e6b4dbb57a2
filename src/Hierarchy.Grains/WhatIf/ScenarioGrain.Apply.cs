using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.WhatIf;

public sealed partial class ScenarioGrain
{
    // Enough writes in flight to keep group commit busy without flooding the unit grains' queues.
    private const int ApplyParallelism = 32;

    public async Task<ApplyResult> ApplyAsync(string by)
    {
        if (Summary is not { } summary || model is null)
        {
            return new ApplyResult(ScenarioOutcome.NotFound, null, 0, [], []);
        }

        if (summary.Status == ScenarioStatus.Applied)
        {
            return new ApplyResult(ScenarioOutcome.Applied, summary, 0, [], [], AppliedError());
        }

        var tree = model.Tree;
        var changed = new List<int>();
        for (var i = 0; i < tree.Count; i++)
        {
            if (model.Quotas[i] != tree.LiveQuota[i])
            {
                changed.Add(i);
            }
        }

        if (changed.Count == 0)
        {
            return new ApplyResult(ScenarioOutcome.Invalid, summary, 0, [], [], ValidationError.Coded("edits", ValidationCodes.ScenarioNothingToApply, "The scenario changes no quota; there is nothing to apply."));
        }

        // Everything is checked before anything is written, so the usual conflict leaves live data untouched.
        var conflicts = await CheckAsync(changed, summary.Year);
        if (conflicts.Count > 0)
        {
            return new ApplyResult(ScenarioOutcome.Conflict, summary, 0, conflicts, []);
        }

        var (written, failures) = await WriteQuotasAsync(changed, summary.Year, by);
        if (failures.Count > 0)
        {
            // A quota changed between the check and our write: put back what we wrote, so nothing stays half-applied.
            var notRolledBack = await RollBackAsync(written, summary.Year, by);
            return new ApplyResult(ScenarioOutcome.Conflict, summary, 0, failures, notRolledBack);
        }

        store.State.Summary = summary with
        {
            Status = ScenarioStatus.Applied,
            AppliedBy = by,
            AppliedAt = clock.GetUtcNow(),
            AppliedUnits = changed.Count,
        };
        await WriteAsync();
        await Catalog.UpsertAsync(Summary!);
        return new ApplyResult(ScenarioOutcome.Ok, Summary, changed.Count, [], []);
    }

    private async Task<List<ApplyConflict>> CheckAsync(List<int> changed, int year)
    {
        var tree = model!.Tree;
        var conflicts = new List<ApplyConflict>();
        foreach (var chunk in changed.Chunk(ApplyParallelism))
        {
            var current = await Task.WhenAll(chunk.Select(i => live.ReadAsync(tree.Ids[i], year)));
            for (var k = 0; k < chunk.Length; k++)
            {
                var i = chunk[k];
                var reason = current[k] switch
                {
                    null => "the unit no longer exists",
                    { } now when now.ParentId != tree.ParentIdOf(i) => $"the unit moved from '{tree.ParentIdOf(i)}' to '{now.ParentId}'",
                    { } now when now.QuotaVersion != tree.QuotaVersion[i] => now.Quota == tree.LiveQuota[i]
                        ? "its quota was set again since the snapshot"
                        : $"its quota changed from {tree.LiveQuota[i]} to {now.Quota} since the snapshot",
                    _ => null,
                };
                if (reason is not null)
                {
                    conflicts.Add(new ApplyConflict(tree.Ids[i], tree.Names[i], tree.LiveQuota[i], current[k]?.Quota, tree.QuotaVersion[i], current[k]?.QuotaVersion, reason));
                }
            }
        }

        return conflicts;
    }

    private async Task<(List<(int Index, long Version)> Written, List<ApplyConflict> Failures)> WriteQuotasAsync(List<int> changed, int year, string by)
    {
        var tree = model!.Tree;
        var written = new List<(int Index, long Version)>();
        var failures = new List<ApplyConflict>();
        foreach (var chunk in changed.Chunk(ApplyParallelism))
        {
            var results = await Task.WhenAll(chunk.Select(i => TryWriteAsync(tree.Ids[i], year, model.Quotas[i], tree.QuotaVersion[i], by)));
            for (var k = 0; k < chunk.Length; k++)
            {
                var i = chunk[k];
                var (result, error) = results[k];
                if (result is { Outcome: QuotaOutcome.Updated })
                {
                    written.Add((i, result.QuotaVersion));
                    continue;
                }

                if (result is null && await WasWrittenAsync(i, year) is { } version)
                {
                    // The call failed after the write landed (a timeout, say): it still has to be put back.
                    written.Add((i, version));
                }

                var reason = result?.Outcome switch
                {
                    QuotaOutcome.Conflict => $"its quota changed to {result.Quota} while the scenario was being applied",
                    QuotaOutcome.UnknownUnit => "the unit no longer exists",
                    QuotaOutcome.Invalid => result.Error?.Message ?? "the quota was refused",
                    _ => $"the write failed: {error}",
                };
                failures.Add(new ApplyConflict(tree.Ids[i], tree.Names[i], tree.LiveQuota[i], result?.Quota, tree.QuotaVersion[i], result?.QuotaVersion, reason));
            }

            if (failures.Count > 0)
            {
                break;
            }
        }

        return (written, failures);
    }

    private async Task<List<string>> RollBackAsync(List<(int Index, long Version)> written, int year, string by)
    {
        var tree = model!.Tree;
        var notRolledBack = new List<string>();
        foreach (var chunk in written.Chunk(ApplyParallelism))
        {
            var results = await Task.WhenAll(chunk.Select(w => TryWriteAsync(tree.Ids[w.Index], year, tree.LiveQuota[w.Index], w.Version, by)));
            for (var k = 0; k < chunk.Length; k++)
            {
                if (results[k].Result is not { Outcome: QuotaOutcome.Updated })
                {
                    // Someone changed it after our write; theirs stands, and the caller is told.
                    notRolledBack.Add(tree.Ids[chunk[k].Index]);
                }
            }
        }

        return notRolledBack;
    }

    private async Task<(QuotaResult? Result, string? Error)> TryWriteAsync(string unitId, int year, int quota, long expectedVersion, string by)
    {
        try
        {
            return (await live.WriteAsync(unitId, year, quota, expectedVersion, by), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, e.Message);
        }
    }

    private async Task<long?> WasWrittenAsync(int index, int year)
    {
        var tree = model!.Tree;
        try
        {
            var now = await live.ReadAsync(tree.Ids[index], year);
            return now is not null && now.QuotaVersion != tree.QuotaVersion[index] && now.Quota == model.Quotas[index] ? now.QuotaVersion : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }
}
