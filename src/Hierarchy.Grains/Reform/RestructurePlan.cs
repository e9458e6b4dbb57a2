using Hierarchy.Grains.Import;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Reform;

/// <summary>
/// Everything a restructuring does, decided before anything changes: which old units are kept where, which new units
/// are formed from them, and where every branch and organisation moves. It can run only when nothing is unresolved
/// and the mapping file had no errors.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RestructurePlan(
    DateOnly On,
    IReadOnlyList<FormerUnit> Former,
    IReadOnlyList<SuccessorUnit> Successors,
    IReadOnlyList<PlannedMove> Moves)
{
    /// <summary>The last day of the old tree.</summary>
    public DateOnly LastDay => On.AddDays(-1);

    /// <summary>The archive ids of the old tree's provinces.</summary>
    public IReadOnlyList<string> FormerRoots => Former.Where(f => f.ArchiveParentId is null).Select(f => f.ArchiveId).ToList();

    /// <summary>An id a new unit takes over is kept for the old unit with its last day: 44 becomes 44@2025-06-30.</summary>
    public static string ArchiveIdOf(string id, DateOnly lastDay) => $"{id}@{lastDay:yyyy-MM-dd}";
}
