using System.Diagnostics;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.WhatIf;

/// <summary>
/// Times what a planner waits for on generated trees of a province's and the country's size: a full recompute of
/// every unit's projection and totals, an edit (redistributing the root's quota by members, then recomputing), and
/// the comparison with live. Run it with <c>dotnet run -c Release --project bench/Hierarchy.WhatIf.Benchmarks</c>.
/// </summary>
public static class WhatIfBenchmark
{
    public static IReadOnlyList<WhatIfBenchmarkResult> RunAll(int runs = 50) =>
        [Run(WhatIfBenchmarkShape.Province, runs), Run(WhatIfBenchmarkShape.Country, runs)];

    public static WhatIfBenchmarkResult Run(WhatIfBenchmarkShape shape, int runs = 50)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        var units = Generate(shape, seed: 2025);
        var build = Stopwatch.StartNew();
        var tree = ScenarioTree.Build(units[0].Id, units, new YearProgress(200, 365));
        var model = new ScenarioModel(tree);
        build.Stop();

        // Warm-up so the first timed run measures the code, not the JIT.
        for (var i = 0; i < 5; i++)
        {
            model.Recompute();
        }

        var recompute = new double[runs];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            model.Recompute();
            recompute[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        var edit = new double[runs];
        var methods = Enum.GetValues<RedistributionMethod>();
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var plan = model.Plan(new ScenarioEdit(ScenarioEditType.Redistribute, UnitId: tree.Ids[0], Method: methods[i % methods.Length]));
            model.Apply(plan.Changes, plan.Lock);
            edit[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        var compare = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            _ = ScenarioComparer.CompareWithLive(tree, model.Quotas);
            compare[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        return new WhatIfBenchmarkResult(
            shape.Name,
            tree.Count,
            runs,
            build.Elapsed.TotalMilliseconds,
            Median(recompute),
            recompute.Max(),
            Median(edit),
            edit.Max(),
            Median(compare),
            compare.Max(),
            allocated / runs);
    }

    /// <summary>A deterministic tree of the given shape with plausible members, quotas and admissions, root first.</summary>
    public static List<SnapshotUnit> Generate(WhatIfBenchmarkShape shape, int seed)
    {
        var random = new Random(seed);
        var units = new List<SnapshotUnit>(shape.Units);
        var country = shape.Provinces > 1;
        if (country)
        {
            units.Add(Unit("VN", "Cả nước", UnitLevel.Province, null, 0, 0, 0));
        }

        for (var p = 0; p < shape.Provinces; p++)
        {
            var province = $"P{p:00}";
            units.Add(Unit(province, $"Tỉnh {p}", UnitLevel.Province, country ? "VN" : null, 0, 0, 0));
            for (var d = 0; d < shape.DistrictsPerProvince; d++)
            {
                var district = $"{province}-D{d:00}";
                units.Add(Unit(district, $"Huyện {d}", UnitLevel.District, province, 0, 0, 0));
                for (var w = 0; w < shape.WardsPerDistrict; w++)
                {
                    var ward = $"{district}-W{w:00}";
                    units.Add(Unit(ward, $"Xã {w}", UnitLevel.Ward, district, 0, 0, 0));
                    for (var b = 0; b < shape.BranchesPerWard; b++)
                    {
                        var members = random.Next(10, 61);
                        var quota = Math.Max(1, (int)Math.Round(members * 0.035));
                        units.Add(Unit($"{ward}-{b:00}", $"Chi bộ {b}", UnitLevel.Branch, ward, members, quota, random.Next(0, quota + 1)));
                    }
                }
            }
        }

        return SumUpward(units);
    }

    private static SnapshotUnit Unit(string id, string name, UnitLevel level, string? parent, int members, int quota, int admitted) =>
        new(id, name, level, parent, quota, 1, members, admitted, admitted * 2, quota);

    /// <summary>Parents carry the sums of their children, as the live rollup gives them.</summary>
    private static List<SnapshotUnit> SumUpward(List<SnapshotUnit> units)
    {
        var index = new Dictionary<string, int>(units.Count, StringComparer.Ordinal);
        for (var i = 0; i < units.Count; i++)
        {
            index[units[i].Id] = i;
        }

        for (var i = units.Count - 1; i >= 0; i--)
        {
            var unit = units[i];
            if (unit.ParentId is { } parentId && index.TryGetValue(parentId, out var p))
            {
                var parent = units[p];
                units[p] = parent with
                {
                    Quota = parent.Quota + unit.Quota,
                    LastYearQuota = parent.LastYearQuota + unit.LastYearQuota,
                    MembersAtStart = parent.MembersAtStart + unit.MembersAtStart,
                    Admitted = parent.Admitted + unit.Admitted,
                    LastYearAdmitted = parent.LastYearAdmitted + unit.LastYearAdmitted,
                };
            }
        }

        return units;
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
