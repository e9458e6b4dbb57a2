namespace Hierarchy.Grains.WhatIf;

[GenerateSerializer]
public enum ScenarioOutcome
{
    Ok,
    NotFound,
    Invalid,

    /// <summary>The scenario was applied already and can no longer change.</summary>
    Applied,

    /// <summary>Live quotas changed since the snapshot; nothing was applied.</summary>
    Conflict,
}
