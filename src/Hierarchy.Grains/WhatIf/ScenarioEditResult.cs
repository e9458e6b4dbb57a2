using Hierarchy.Grains.Admissions;

namespace Hierarchy.Grains.WhatIf;

/// <summary>
/// The answer to an edit: the edit as carried out (null when it changed nothing; the edit taken back when
/// <see cref="Undone"/>) and the new totals; or why it was refused, naming the field.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ScenarioEditResult(ScenarioOutcome Outcome, RecordedEdit? Edit = null, ScenarioTotals? Totals = null, ValidationError? Error = null, bool Undone = false);
