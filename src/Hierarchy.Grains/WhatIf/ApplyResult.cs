using Hierarchy.Grains.Admissions;

namespace Hierarchy.Grains.WhatIf;

/// <summary>
/// The answer to applying a scenario. On success every changed unit has its new quota; on a conflict none has (units
/// written before a race was detected are put back, and any that could not be are listed in <see cref="NotRolledBack"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ApplyResult(
    ScenarioOutcome Outcome,
    ScenarioSummary? Scenario,
    int AppliedUnits,
    IReadOnlyList<ApplyConflict> Conflicts,
    IReadOnlyList<string> NotRolledBack,
    ValidationError? Error = null);
