using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Import;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Demo;

/// <summary>
/// Generates a deterministic demo on the real catalogue: 10–40 branches per ward with 10–60 members each, quotas of
/// about 3–4 % of members summed up the tree, and optionally admissions over the year so far and the previous year,
/// with candidate sources at some branches when the year is this one, and the indicators of the plans (population,
/// residential groups, their leaders) at every ward with targets at every unit above the branches.
/// </summary>
public sealed class DemoDataGenerator(HierarchyService hierarchy, TimeProvider clock)
{
    public const string Actor = "demo-data";

    public async Task<DemoDataResult> GenerateAsync(DemoDataOptions options, CancellationToken cancellationToken = default)
    {
        await using var json = File.OpenRead(options.CataloguePath);
        var units = await CatalogueReader.ReadAsync(json, options.Country ? null : options.ProvinceId, cancellationToken);
        var branches = new List<UnitDefinition>();
        var members = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ward in units.Where(u => u.Level == UnitLevel.Ward))
        {
            var random = Seeded(options.Seed, ward.Id, 0);
            var count = random.Next(10, 41);
            for (var i = 1; i <= count; i++)
            {
                var id = $"{ward.Id}-{i:00}";
                branches.Add(new UnitDefinition(id, BranchName(ward, i, random), UnitLevel.Branch, ward.Id));
                members[id] = random.Next(10, 61);
            }
        }

        var year = options.Year;
        var quotas = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var branch in branches)
        {
            var random = Seeded(options.Seed, branch.Id, 1);
            quotas[branch.Id] = Math.Max(1, (int)Math.Round(members[branch.Id] * (0.03 + random.NextDouble() * 0.01)));
        }

        // Parents' quotas are the sums below them, rounded up to the next five as boards tend to set them.
        var childrenOf = units.Concat(branches).Where(u => u.ParentId is not null).GroupBy(u => u.ParentId!).ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToList());
        foreach (var unit in TreeOrder.DeepestFirst(units, u => u.Id, u => u.ParentId))
        {
            var sum = childrenOf.TryGetValue(unit.Id, out var children) ? children.Sum(c => quotas.GetValueOrDefault(c)) : 0;
            quotas[unit.Id] = (int)Math.Ceiling(sum / 5.0) * 5;
        }

        var plans = units.Select(u => (u, (IReadOnlyList<YearPlan>)[new YearPlan(year, quotas[u.Id], null), new YearPlan(year - 1, quotas[u.Id], null)]))
            .Concat(branches.Select(b => (b, (IReadOnlyList<YearPlan>)[new YearPlan(year, quotas[b.Id], members[b.Id]), new YearPlan(year - 1, quotas[b.Id], members[b.Id])])))
            .ToList();
        await hierarchy.ImportUnitsAsync(plans, Actor);

        var admissions = 0;
        var candidates = 0;
        if (options.WithAdmissions)
        {
            var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
            var counts = new int[branches.Count];
            var candidateCounts = new int[branches.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, branches.Count), new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken }, async (index, _) =>
            {
                var branch = branches[index];
                var random = Seeded(options.Seed, branch.Id, 2);
                var reports = new List<AdmissionReport>();
                var quota = quotas[branch.Id];
                var lastYearCount = Poisson(random, quota * (0.7 + random.NextDouble() * 0.5));
                for (var i = 0; i < lastYearCount; i++)
                {
                    reports.Add(DemoPeople.Create(random, branch.Id, year - 1, i, new DateOnly(year - 1, 12, 31)));
                }

                if (year <= today.Year)
                {
                    var elapsed = year < today.Year ? 1.0 : today.DayOfYear / 365.0;
                    var thisYearCount = Poisson(random, quota * elapsed * (0.6 + random.NextDouble() * 0.6));
                    for (var i = 0; i < thisYearCount; i++)
                    {
                        reports.Add(DemoPeople.Create(random, branch.Id, year, i, year < today.Year ? new DateOnly(year, 12, 31) : today));
                    }
                }

                if (reports.Count > 0)
                {
                    var results = await hierarchy.Unit(branch.Id).ReportAdmissionsAsync(reports, Actor);
                    counts[index] = results.Count(r => r.Outcome == AdmissionOutcome.Created);
                }

                // Candidates are a branch's cases now, so only a demo of this year has them.
                if (year == today.Year)
                {
                    var people = Seeded(options.Seed, branch.Id, 3);
                    candidateCounts[index] = await DemoCandidates.AddAsync(hierarchy.Unit(branch.Id), branch.Id, people, today, Actor);
                }
            });
            admissions = counts.Sum();
            candidates = candidateCounts.Sum();
        }

        await DemoIndicators.AddAsync(hierarchy, units, branches, members, options.Seed, year, Actor, cancellationToken);

        return new DemoDataResult(
            units.Count(u => u.Level == UnitLevel.Province),
            units.Count(u => u.Level == UnitLevel.District),
            units.Count(u => u.Level == UnitLevel.Ward),
            branches.Count,
            members.Values.Sum(m => (long)m),
            admissions,
            candidates);
    }

    private static string BranchName(UnitDefinition ward, int index, Random random)
    {
        string[] institutions = ["Trường Tiểu học", "Trường THCS", "Trạm Y tế", "Công an", "Quân sự", "Hội Cựu chiến binh", "Mặt trận", "Cơ quan"];
        if (index <= 4 && random.NextDouble() < 0.5)
        {
            return $"Chi bộ {institutions[random.Next(institutions.Length)]} {index}";
        }

        var place = ward.Kind switch
        {
            "Phường" => "Tổ dân phố",
            "Thị trấn" => "Khu phố",
            _ => "Thôn",
        };
        return $"Chi bộ {place} {index}";
    }

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var product = random.NextDouble();
        var count = 0;
        while (product > limit && count < 1000)
        {
            product *= random.NextDouble();
            count++;
        }

        return count;
    }

    /// <summary>
    /// A generator for one unit and purpose that gives the same numbers in every process: HashCode is seeded afresh
    /// per process, so a demo seeded from it would differ at each start.
    /// </summary>
    internal static Random Seeded(int seed, string unitId, int purpose) => new(StableHash($"{seed}|{unitId}|{purpose}"));

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = hash * 31 + c;
        }

        return hash;
    }
}
