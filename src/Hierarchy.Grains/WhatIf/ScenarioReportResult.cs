using Hierarchy.Grains.Admissions;

namespace Hierarchy.Grains.WhatIf;

[GenerateSerializer, Immutable]
public sealed record ScenarioReportResult(ScenarioOutcome Outcome, ScenarioReport? Report = null, ValidationError? Error = null);
