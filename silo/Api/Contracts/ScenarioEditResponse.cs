using Hierarchy.Grains.WhatIf;

namespace Hierarchy.Silo.Api.Contracts;

/// <summary>An edit as carried out (null when it changed nothing; the edit taken back when <c>undone</c>) and the scenario after it.</summary>
public sealed record ScenarioEditResponse(RecordedEdit? Edit, bool Undone, ScenarioReport Scenario);
