namespace Hierarchy.Grains.WhatIf;

[GenerateSerializer]
public enum ScenarioEditType
{
    SetQuota,
    Move,
    Redistribute,
    Lock,
    Unlock,
    Undo,
}
