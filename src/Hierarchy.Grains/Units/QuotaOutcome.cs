namespace Hierarchy.Grains.Units;

[GenerateSerializer]
public enum QuotaOutcome
{
    Updated,
    Conflict,
    Invalid,
    UnknownUnit,
}
