namespace Hierarchy.Grains.Units;

public enum QuotaOutcome
{
    Updated,
    Conflict,
    Invalid,
    UnknownUnit,
}
