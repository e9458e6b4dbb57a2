using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Catalogue;
using Hierarchy.Grains.Units;
using Hierarchy.Storage;

namespace Hierarchy.Grains.Verification;

/// <summary>
/// Checks the units kept from before a restructuring: each holds the figures it had when it was frozen, so its totals
/// must equal what its branches' ledgers held at that moment (admissions recorded by then and not retracted by then),
/// summed through the frozen tree.
/// </summary>
public sealed class FormerTreeVerifier(HierarchyService hierarchy)
{
    public async Task<(int Units, List<Difference> Differences)> VerifyAsync(IJournalStorage journal, CancellationToken cancellationToken)
    {
        var roots = await hierarchy.Grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).GetFormerRootsAsync();
        var differences = new List<Difference>();
        if (roots.Count == 0)
        {
            return (0, differences);
        }

        var ledger = (await LedgerReader.ReadTimedAsync(journal, cancellationToken)).ToLookup(r => r.BranchId, StringComparer.Ordinal);
        var units = 0;
        foreach (var root in roots)
        {
            units += await CheckAsync(root, ledger, differences);
        }

        return (units, differences);
    }

    /// <summary>Checks a frozen unit and everything frozen below it; returns how many units it checked.</summary>
    private async Task<int> CheckAsync(string unitId, ILookup<string, TimedLedgerRow> ledger, List<Difference> differences)
    {
        var (checkedUnits, _) = await ExpectedAsync(unitId, null, ledger, differences);
        return checkedUnits;
    }

    private async Task<(int Units, Dictionary<int, int> Expected)> ExpectedAsync(string unitId, DateTimeOffset? asOf, ILookup<string, TimedLedgerRow> ledger, List<Difference> differences)
    {
        var info = await hierarchy.Unit(unitId).GetInfoAsync();
        if (info.RetiredOn is null)
        {
            // A live branch below a frozen unit: what its ledger held when the unit above it was frozen.
            var counts = ledger[unitId]
                .Where(r => asOf is null || (r.RecordedAt <= asOf && (r.RetractedAt is null || r.RetractedAt > asOf)))
                .GroupBy(r => r.Year)
                .ToDictionary(g => g.Key, g => g.Count());
            return (0, counts);
        }

        var summary = await hierarchy.Unit(unitId).GetSummaryAsync();
        var frozenAt = (await hierarchy.Unit(unitId).GetViewAsync(info.RetiredOn.Value.Year, info.RetiredOn.Value))!.UpdatedAt;
        var expected = new Dictionary<int, int>();
        var units = 1;
        foreach (var child in await hierarchy.Unit(unitId).GetChildIdsAsync())
        {
            var (below, figures) = await ExpectedAsync(child, frozenAt, ledger, differences);
            units += below;
            foreach (var (year, count) in figures)
            {
                expected[year] = expected.GetValueOrDefault(year) + count;
            }
        }

        foreach (var year in expected.Keys.Union(summary!.Years.Keys))
        {
            var want = expected.GetValueOrDefault(year);
            var have = summary.For(year).Tally.Count;
            if (want != have)
            {
                differences.Add(new Difference(unitId, year, want, have, "former unit: admitted differs"));
            }
        }

        return (units, expected);
    }
}
