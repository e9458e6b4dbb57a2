using Hierarchy.Grains.WhatIf;

namespace Hierarchy.Silo.Api.Contracts;

public sealed record ScenarioApplyResponse(ScenarioSummary Scenario, int AppliedUnits);
