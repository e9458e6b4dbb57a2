using System.Collections.Immutable;

namespace Hierarchy.Grains.WhatIf;

/// <summary>An edit as it was carried out, with exactly what it changed so that undo can put it back.</summary>
[GenerateSerializer, Immutable]
public sealed record RecordedEdit(
    ScenarioEdit Edit,
    string Description,
    string By,
    DateTimeOffset At,
    ImmutableArray<QuotaChange> Changes,
    LockChange? Lock = null);
