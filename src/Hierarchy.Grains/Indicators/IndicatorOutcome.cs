namespace Hierarchy.Grains.Indicators;

public enum IndicatorOutcome
{
    Updated,
    UnknownUnit,
    Invalid,
    Closed,
    Conflict,
}
