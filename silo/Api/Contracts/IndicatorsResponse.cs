using Hierarchy.Grains.Indicators;
using Hierarchy.Grains.Units;

namespace Hierarchy.Silo.Api.Contracts;

/// <summary>A unit's indicators for a year over its subtree, with its children's beside them (a child with nothing entered has <c>indicators: null</c>).</summary>
public sealed record IndicatorsResponse(string Id, string Name, string PartyName, int Year, IndicatorView Indicators, IReadOnlyList<ChildIndicatorsResponse> Children)
{
    public static IndicatorsResponse From(UnitView view) => new(
        view.Id,
        view.Name,
        PartyNames.Organisation(view.Level, view.Name),
        view.Year,
        view.Indicators ?? IndicatorView.From(view.Year, null, view.MembersAtStart + view.Admitted, 0),
        view.Children.Select(c => new ChildIndicatorsResponse(c.Id, c.Name, c.PartyName, c.Level, c.Indicators)).ToList());
}
