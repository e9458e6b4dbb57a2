using Hierarchy.Grains.Units;

namespace Hierarchy.Silo.Api.Contracts;

/// <summary>A unit named in a closing's answer: one reopened, or one that has not closed yet.</summary>
public sealed record ClosingUnitResponse(string Id, string Name, string PartyName, UnitLevel Level)
{
    public static ClosingUnitResponse From(UnitLink unit) => new(unit.Id, unit.Name, PartyNames.Organisation(unit.Level, unit.Name), unit.Level);
}
