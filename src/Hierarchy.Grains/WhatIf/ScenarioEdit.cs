namespace Hierarchy.Grains.WhatIf;

/// <summary>
/// One edit as a planner asks for it. <see cref="UnitId"/> is the unit set, locked or unlocked, or the parent whose
/// quota is redistributed; a move takes <see cref="Amount"/> from <see cref="FromUnitId"/> to <see cref="ToUnitId"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ScenarioEdit(
    ScenarioEditType Type,
    string? UnitId = null,
    int? Quota = null,
    string? FromUnitId = null,
    string? ToUnitId = null,
    int? Amount = null,
    RedistributionMethod? Method = null,
    Candidates.CandidateStage? FromStage = null);
