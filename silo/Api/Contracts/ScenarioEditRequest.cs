namespace Hierarchy.Silo.Api.Contracts;

/// <summary>
/// One edit to a scenario. <c>type</c> is setQuota (unitId, quota), move (fromUnitId, toUnitId, amount),
/// redistribute (unitId, method: even, members, admissions, lastYearAttainment or candidates with fromStage), lock or unlock (unitId), or undo.
/// Text rather than enums so that a wrong value is answered naming the field and the values allowed.
/// </summary>
public sealed class ScenarioEditRequest
{
    public string? Type { get; set; }

    public string? UnitId { get; set; }

    public int? Quota { get; set; }

    public string? FromUnitId { get; set; }

    public string? ToUnitId { get; set; }

    public int? Amount { get; set; }

    public string? Method { get; set; }

    /// <summary>For method candidates: the stage from which a child's candidates count (default resolution).</summary>
    public string? FromStage { get; set; }
}
