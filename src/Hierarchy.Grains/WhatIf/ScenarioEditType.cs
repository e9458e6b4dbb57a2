namespace Hierarchy.Grains.WhatIf;

public enum ScenarioEditType
{
    SetQuota,
    Move,
    Redistribute,
    Lock,
    Unlock,
    Undo,
}
