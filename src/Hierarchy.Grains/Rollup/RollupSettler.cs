using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Rollup;

/// <summary>
/// Waits until units' aggregates have reached their parents durably and been acknowledged, all the way to the
/// province. A process that stops its silo right after writing (an import, verify) would otherwise deactivate grains
/// while pushes and acknowledgements are still in flight: nothing is lost, since unacknowledged versions are sent
/// again at the next start, but every such message fails loudly during shutdown.
/// </summary>
public sealed class RollupSettler(HierarchyService hierarchy)
{
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromSeconds(60);

    /// <summary>Flushes the units and their ancestors depth by depth, deepest first, until nothing is pending; false on timeout.</summary>
    public async Task<bool> SettleAsync(IReadOnlyCollection<UnitInfo> units, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var all = await WithAncestorsAsync(units);
        var levels = TreeOrder.ByDepth(all.Values, u => u.Id, u => u.ParentId).Reverse().Select(g => g.Select(u => u.Id).ToList()).ToList();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var settled = true;
            foreach (var level in levels)
            {
                var flushed = await Task.WhenAll(level.Select(id => hierarchy.Unit(id).FlushAsync()));
                settled &= flushed.All(f => f);
            }

            if (settled)
            {
                return true;
            }

            await Task.Delay(100, cancellationToken);
        }

        return false;
    }

    private async Task<Dictionary<string, UnitInfo>> WithAncestorsAsync(IReadOnlyCollection<UnitInfo> units)
    {
        var all = units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        foreach (var parentId in units.Select(u => u.ParentId).OfType<string>().Distinct(StringComparer.Ordinal).ToList())
        {
            if (all.ContainsKey(parentId))
            {
                continue;
            }

            var next = (string?)parentId;
            while (next is not null && !all.ContainsKey(next))
            {
                var info = await hierarchy.Unit(next).GetInfoAsync();
                if (!info.Exists)
                {
                    break;
                }

                all[next] = info;
                next = info.ParentId;
            }
        }

        return all;
    }
}
