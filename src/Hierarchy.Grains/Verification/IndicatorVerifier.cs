using Hierarchy.Grains.Indicators;
using Hierarchy.Grains.Rollup;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Verification;

/// <summary>
/// The indicators' side of verify: every unit's indicator counts must equal its own figures plus its children's, summed
/// from what each unit recorded itself, by the same invariant as admissions.
/// </summary>
internal sealed class IndicatorVerifier(HierarchyService hierarchy)
{
    public async Task<List<Difference>> CompareAsync(IReadOnlyList<UnitInfo> units, IReadOnlyList<UnitSummary> summaries)
    {
        var own = await Task.WhenAll(units.Select(async u => (u.Id, Figures: await hierarchy.Grains.GetGrain<IUnitIndicatorGrain>(u.Id).GetOwnIndicatorsAsync())));
        var ownById = own.ToDictionary(o => o.Id, o => o.Figures, StringComparer.Ordinal);
        var expected = new Dictionary<string, IndicatorSums>(StringComparer.Ordinal);
        foreach (var unit in TreeOrder.DeepestFirst(units, u => u.Id, u => u.ParentId))
        {
            var sums = SumsOf(expected, unit.Id);
            foreach (var (year, entry) in ownById[unit.Id])
            {
                sums.Add(year, IndicatorCounts.From(entry.Figures), +1);
            }

            if (unit.ParentId is not null)
            {
                var parent = SumsOf(expected, unit.ParentId);
                foreach (var year in sums.Years)
                {
                    parent.Add(year, sums.For(year), +1);
                }
            }
        }

        var differences = new List<Difference>();
        foreach (var summary in summaries)
        {
            var want = SumsOf(expected, summary.Id);
            var years = want.Years.Concat(summary.Indicators?.Keys ?? []).Distinct().Order();
            foreach (var year in years)
            {
                var wanted = want.For(year);
                var actual = summary.Indicators?.GetValueOrDefault(year)?.Counts ?? IndicatorCounts.Empty;
                if (wanted != actual)
                {
                    differences.Add(new Difference(summary.Id, year, wanted.Reporting, actual.Reporting, $"indicator figures differ: expected {wanted}, found {actual}"));
                }
            }
        }

        return differences;
    }

    private static IndicatorSums SumsOf(Dictionary<string, IndicatorSums> sums, string unitId) =>
        sums.TryGetValue(unitId, out var found) ? found : sums[unitId] = new IndicatorSums();
}
