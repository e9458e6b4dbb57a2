using Hierarchy.Grains.Admissions;

namespace Hierarchy.Grains.WhatIf;

[GenerateSerializer, Immutable]
public sealed record ScenarioCreateResult(ScenarioOutcome Outcome, ScenarioSummary? Scenario = null, ValidationError? Error = null);
