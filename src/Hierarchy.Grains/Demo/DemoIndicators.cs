using Hierarchy.Grains.Indicators;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Demo;

/// <summary>
/// The demo's indicators: each ward's population puts its members at about 2.5–4.5 % of it, its residential groups
/// number about one per branch, a few without a member, and most of their leaders are members; every unit above the
/// branches carries the targets such plans set (3.85 %, none without a member, 90 % of leaders, youth introductions).
/// </summary>
internal static class DemoIndicators
{
    public static async Task AddAsync(
        HierarchyService hierarchy,
        IReadOnlyList<UnitDefinition> units,
        IReadOnlyList<UnitDefinition> branches,
        IReadOnlyDictionary<string, int> members,
        int seed,
        int year,
        string by,
        CancellationToken cancellationToken)
    {
        var branchesOf = branches.GroupBy(b => b.ParentId!).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        // Each ward's youth union aims at 3–8 introductions; the units above add up their wards' aims, rounded up to five.
        var youthTargets = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var unit in TreeOrder.DeepestFirst(units, u => u.Id, u => u.ParentId))
        {
            if (unit.Level == UnitLevel.Ward)
            {
                youthTargets[unit.Id] = DemoDataGenerator.Seeded(seed, unit.Id, 5).Next(3, 9);
            }
            else if (youthTargets.TryGetValue(unit.Id, out var sum))
            {
                youthTargets[unit.Id] = (int)Math.Ceiling(sum / 5.0) * 5;
            }

            if (unit.ParentId is not null && youthTargets.TryGetValue(unit.Id, out var own))
            {
                youthTargets[unit.ParentId] = youthTargets.GetValueOrDefault(unit.ParentId) + own;
            }
        }

        await Parallel.ForEachAsync(units, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken }, async (unit, _) =>
        {
            var random = DemoDataGenerator.Seeded(seed, unit.Id, 4);
            IndicatorFigures? figures = null;
            if (unit.Level == UnitLevel.Ward && branchesOf.TryGetValue(unit.Id, out var own))
            {
                var wardMembers = own.Sum(b => members[b.Id]);
                var groups = Math.Max(1, (int)Math.Round(own.Count * (0.6 + random.NextDouble() * 0.6)));
                var withoutMembers = random.NextDouble() < 0.6 ? 0 : random.Next(1, Math.Max(2, groups / 8));
                var leadersWhoAreMembers = (int)Math.Round(groups * (0.75 + random.NextDouble() * 0.25));
                figures = new IndicatorFigures(
                    (long)Math.Round(wardMembers / (0.025 + random.NextDouble() * 0.02)),
                    groups,
                    Math.Min(withoutMembers, groups),
                    groups,
                    Math.Min(leadersWhoAreMembers, groups));
            }

            // A unit with no ward below it (an island district) has nothing to aim at.
            var targets = youthTargets.TryGetValue(unit.Id, out var youthTarget) ? new IndicatorTargets(3.85m, 0, 90m, youthTarget) : null;
            await hierarchy.Grains.GetGrain<IUnitIndicatorGrain>(unit.Id).SetIndicatorsAsync(year, figures, targets, by);
        });
    }
}
