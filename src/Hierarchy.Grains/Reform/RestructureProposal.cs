using Hierarchy.Grains.Import;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Reform;

/// <summary>A plan with what stops it from running: units with no decided place, bad mapping rows, and old wards the table does not list.</summary>
public sealed record RestructureProposal(
    RestructurePlan Plan,
    IReadOnlyList<UnresolvedMove> Unresolved,
    IReadOnlyList<CsvLineError> MappingErrors,
    IReadOnlyList<UnitLink> WardsWithoutRow,
    IReadOnlyDictionary<string, string> OldNames)
{
    public bool CanRun => Unresolved.Count == 0 && MappingErrors.Count == 0;
}
