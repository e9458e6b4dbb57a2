using System.Globalization;
using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Indicators;
using Hierarchy.Grains.Rollup;

namespace Hierarchy.Grains.Units;

/// <summary>
/// The indicators the resolutions set: a unit's own figures and targets live in its state, each change is a journaled
/// change, and the figures summed over the subtree travel up with the summary, beside the admissions.
/// </summary>
public sealed partial class UnitGrain : IUnitIndicatorGrain
{
    /// <summary>The journal kind of indicator changes, as the audit log shows them.</summary>
    public const string IndicatorsKind = "indicators";

    public Task<IReadOnlyDictionary<int, UnitIndicators>> GetOwnIndicatorsAsync() =>
        Task.FromResult<IReadOnlyDictionary<int, UnitIndicators>>(new Dictionary<int, UnitIndicators>(State.Indicators));

    public async Task<IndicatorResult> SetIndicatorsAsync(int year, IndicatorFigures? figures, IndicatorTargets? targets, string by, long? expectedVersion = null)
    {
        if (!Exists)
        {
            return new IndicatorResult(IndicatorOutcome.UnknownUnit, []);
        }

        if (State.RetiredOn is { } lastDay)
        {
            return Refused(ValidationError.FormerUnit(Id, lastDay));
        }

        if (year is < 1930 or > 2200)
        {
            return Refused(ValidationError.Coded("year", ValidationCodes.YearOutOfRange, "The year is out of range."));
        }

        var errors = IndicatorRules.Validate(figures, targets);
        if (errors.Count > 0)
        {
            return new IndicatorResult(IndicatorOutcome.Invalid, errors);
        }

        if (State.Closings.TryGetValue(year.ToString(CultureInfo.InvariantCulture), out var closing))
        {
            return new IndicatorResult(IndicatorOutcome.Closed, [ValidationError.Coded(
                "year", IndicatorCodes.YearClosed, "The indicators of {1} cannot change at {0}: the year was closed at {3} by {2}. Reopen it first.",
                PartyName, year, closing.ClosedBy, Moment(closing.ClosedAt))]);
        }

        if (expectedVersion is { } expected && expected != State.IndicatorsVersion)
        {
            return new IndicatorResult(IndicatorOutcome.Conflict, [], State.IndicatorsVersion);
        }

        var entry = new UnitIndicators(figures is { IsEmpty: false } ? figures : null, targets is { IsEmpty: false } ? targets : null);
        var previous = State.Indicators.GetValueOrDefault(year);
        if (entry == (previous ?? new UnitIndicators(null, null)))
        {
            return new IndicatorResult(IndicatorOutcome.Updated, [], State.IndicatorsVersion);
        }

        if (entry.IsEmpty)
        {
            State.Indicators.Remove(year);
        }
        else
        {
            State.Indicators[year] = entry;
        }

        // A count rather than a clock-based version: browsers read JSON numbers as doubles, exact only below 2^53.
        State.IndicatorsVersion++;
        await ChangeAsync(IndicatorsKind, Describe(year, entry), by);
        return new IndicatorResult(IndicatorOutcome.Updated, [], State.IndicatorsVersion);

        static IndicatorResult Refused(ValidationError error) => new(IndicatorOutcome.Invalid, [error]);
    }

    /// <summary>
    /// The subtree's indicator counts with this unit's own targets, by year; null at the many units where nothing is
    /// entered at or below them, so their pushes stay as they were.
    /// </summary>
    private IReadOnlyDictionary<int, IndicatorYear>? SummaryIndicators
    {
        get
        {
            var below = State.Level == UnitLevel.Branch ? null : (childTotals ??= new ChildTotals(State.Children.Values)).Indicators;
            if (State.Indicators.Count == 0 && below is not { Any: true })
            {
                return null;
            }

            var years = new Dictionary<int, IndicatorYear>();
            if (below is not null)
            {
                foreach (var year in below.Years)
                {
                    years[year] = new IndicatorYear(below.For(year), null);
                }
            }

            foreach (var (year, own) in State.Indicators)
            {
                var counts = years.TryGetValue(year, out var sum) ? sum.Counts : IndicatorCounts.Empty;
                years[year] = new IndicatorYear(counts.Plus(IndicatorCounts.From(own.Figures)), own.Targets);
            }

            return years;
        }
    }

    private static string Describe(int year, UnitIndicators entry)
    {
        var parts = new List<string>();
        if (entry.Figures is { } f)
        {
            parts.Add($"population {Text(f.Population)}, residential groups {Text(f.ResidentialGroups)} ({Text(f.GroupsWithoutMembers)} without members), group leaders {Text(f.GroupLeaders)} ({Text(f.LeadersWhoAreMembers)} members)");
        }

        if (entry.Targets is { } t)
        {
            parts.Add($"targets: members {Text(t.MembersPerPopulationPercent)} % of population, at most {Text(t.GroupsWithoutMembers)} groups without members, leaders who are members {Text(t.LeaderSharePercent)} %, youth union introductions {Text(t.YouthUnionIntroductions)}");
        }

        return parts.Count == 0 ? $"indicators {year} removed" : $"indicators {year}: {string.Join("; ", parts)}";

        static string Text<T>(T? value) where T : struct, IFormattable => value?.ToString(null, CultureInfo.InvariantCulture) ?? "-";
    }
}
