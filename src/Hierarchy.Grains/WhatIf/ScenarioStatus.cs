namespace Hierarchy.Grains.WhatIf;

/// <summary>A scenario is a draft until it is applied; an applied scenario stays as the record of what was written.</summary>
[GenerateSerializer]
public enum ScenarioStatus
{
    Draft,
    Applied,
}
