using Hierarchy.Storage;
using Orleans.Runtime;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Catalogue;
using Hierarchy.Grains.Rollup;
using Hierarchy.Grains.Units;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Grains.Verification;

/// <summary>
/// Rebuilds every unit's totals from the admission ledger and compares them with what the grains hold, after letting
/// pending rollups settle; the units kept from before a restructuring are checked against the ledger as it was when
/// they were frozen. With repair, branches rebuild from their ledgers and the fix flows up through the grains (the
/// kept former units are records and are not rewritten). Candidate counts are checked against the branches' journals the same way, and
/// indicator counts against the figures each unit entered.
/// </summary>
public sealed class LedgerVerifier(HierarchyService hierarchy, RollupSettler settler, WorkingCalendar calendar, [FromKeyedServices(StorageNames.Units)] IJournalStorage journal)
{
    public async Task<VerificationReport> VerifyAsync(bool repair, CancellationToken cancellationToken = default)
    {
        var (expectedByBranch, admissions, corrections) = await ReadLedgerAsync(journal, cancellationToken);
        var units = await AllUnitsAsync();
        await settler.SettleAsync(units, RollupSettler.DefaultTimeout, cancellationToken);
        var differences = await CompareAllAsync(units, expectedByBranch, cancellationToken);
        var (formerUnits, formerDifferences) = await new FormerTreeVerifier(hierarchy).VerifyAsync(journal, cancellationToken);
        if (!repair || differences.Count == 0)
        {
            return new VerificationReport(units.Count + formerUnits, admissions, corrections, [.. differences, .. formerDifferences], false);
        }

        foreach (var branch in units.Where(u => u.Level == UnitLevel.Branch))
        {
            await hierarchy.Unit(branch.Id).RepairAsync("verify --repair");
        }

        await settler.SettleAsync(units, RollupSettler.DefaultTimeout, cancellationToken);
        var remaining = await CompareAllAsync(units, expectedByBranch, cancellationToken);
        return new VerificationReport(units.Count + formerUnits, admissions, corrections, [.. remaining, .. formerDifferences], true);
    }

    private static async Task<(Dictionary<string, Dictionary<int, Tally>> Expected, int Admissions, int Corrections)> ReadLedgerAsync(IJournalStorage journal, CancellationToken cancellationToken)
    {
        var ledger = await LedgerReader.ReadAsync(journal, cancellationToken);
        var expected = new Dictionary<string, Dictionary<int, Tally>>(StringComparer.Ordinal);
        foreach (var (branch, record) in ledger.Counted)
        {
            var years = expected.TryGetValue(branch, out var y) ? y : expected[branch] = [];
            var year = record.Report.AdmittedOn.Year;
            years[year] = (years.TryGetValue(year, out var t) ? t : Tally.Empty).With(record, +1);
        }

        return (expected, ledger.Admissions, ledger.Corrections);
    }

    private async Task<List<UnitInfo>> AllUnitsAsync()
    {
        var roots = await RootsAsync();
        var units = new List<UnitInfo>();
        foreach (var root in roots)
        {
            units.AddRange(await hierarchy.SubtreeAsync(root));
        }

        return units;
    }

    private async Task<IReadOnlyList<string>> RootsAsync() =>
        (await hierarchy.Grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).GetRootsAsync()).Select(r => r.Id).ToList();

    /// <summary>Admissions, candidates and indicators against one reading of every unit's summary.</summary>
    private async Task<List<Difference>> CompareAllAsync(IReadOnlyList<UnitInfo> units, Dictionary<string, Dictionary<int, Tally>> expectedByBranch, CancellationToken cancellationToken)
    {
        var summaries = (await Task.WhenAll(units.Select(u => hierarchy.Unit(u.Id).GetSummaryAsync()))).OfType<UnitSummary>().ToList();
        var differences = Compare(units, summaries, expectedByBranch);
        differences.AddRange(await new PipelineVerifier(calendar).CompareAsync(journal, units, summaries, cancellationToken));
        differences.AddRange(await new IndicatorVerifier(hierarchy).CompareAsync(units, summaries));
        return differences;
    }

    private static List<Difference> Compare(IReadOnlyList<UnitInfo> units, IReadOnlyList<UnitSummary> summaries, Dictionary<string, Dictionary<int, Tally>> expectedByBranch)
    {
        var expected = new Dictionary<string, Dictionary<int, Tally>>(StringComparer.Ordinal);
        foreach (var unit in TreeOrder.DeepestFirst(units, u => u.Id, u => u.ParentId))
        {
            var own = unit.Level == UnitLevel.Branch && expectedByBranch.TryGetValue(unit.Id, out var years) ? years : [];
            expected.TryAdd(unit.Id, new Dictionary<int, Tally>(own));
            if (unit.ParentId is not null)
            {
                var parent = expected.TryGetValue(unit.ParentId, out var p) ? p : expected[unit.ParentId] = [];
                foreach (var (year, tally) in expected[unit.Id])
                {
                    parent[year] = Tally.Sum([parent.TryGetValue(year, out var t) ? t : Tally.Empty, tally]);
                }
            }
        }

        var differences = new List<Difference>();
        foreach (var summary in summaries)
        {
            var want = expected.GetValueOrDefault(summary.Id) ?? [];
            foreach (var year in want.Keys.Union(summary.Years.Keys))
            {
                var expectedTally = want.TryGetValue(year, out var e) ? e : Tally.Empty;
                var actualTally = summary.For(year).Tally;
                if (!expectedTally.Equals(actualTally))
                {
                    differences.Add(new Difference(summary.Id, year, expectedTally.Count, actualTally.Count,
                        expectedTally.Count == actualTally.Count ? "breakdown differs" : "admitted differs"));
                }
            }
        }

        foreach (var orphan in expectedByBranch.Keys.Where(b => !expected.ContainsKey(b)))
        {
            differences.Add(new Difference(orphan, 0, expectedByBranch[orphan].Values.Sum(t => t.Count), 0, "ledger rows for a unit outside the tree"));
        }

        return differences;
    }
}
