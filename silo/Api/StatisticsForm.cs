using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Rollup;
using Hierarchy.Grains.Units;
using Hierarchy.Silo.Api.Contracts;

namespace Hierarchy.Silo.Api;

/// <summary>The rows of the official statistics form for new admissions, in its order, from two tallies.</summary>
public static class StatisticsForm
{
    public static IReadOnlyList<ReportRow> Rows(Tally now, Tally before)
    {
        var rows = new List<ReportRow>
        {
            Row("total", "admitted", now, before, Tally.Admitted),
            Row("attributes", "women", now, before, Tally.Women),
            Row("attributes", "ethnicMinority", now, before, Tally.EthnicMinority),
            Row("attributes", "religious", now, before, Tally.Religious),
            Row("attributes", "youthUnion", now, before, Tally.YouthUnion),
            Row("attributes", "privateBusinessOwner", now, before, Tally.PrivateBusinessOwner),
        };
        rows.AddRange(Enum.GetValues<Occupation>().Select(o => Row("occupation", JsonNames.Of(o), now, before, Tally.Occupation + (int)o)));
        rows.AddRange(AgeBands.Labels.Select((label, i) => Row("age", label, now, before, Tally.AgeBand + i)));
        rows.Add(Percent("age", "averageAge", Math.Round(now.AverageAge ?? 0, 1), Math.Round(before.AverageAge ?? 0, 1)));
        rows.AddRange(Enum.GetValues<Education>().Select(e => Row("education", JsonNames.Of(e), now, before, Tally.Education + (int)e)));
        return rows;
    }

    private static ReportRow Row(string group, string key, Tally now, Tally before, int index) => Percent(group, key, now[index], before[index]);

    private static ReportRow Percent(string group, string key, double now, double before) =>
        new(group, key, now, before, before == 0 ? null : Math.Round(now * 100.0 / before, 1));
}
