namespace Hierarchy.Grains.Units;

/// <summary>Whether a unit's year-end projection meets its quota: on track, within 15 % of it (at risk), or behind.</summary>
[GenerateSerializer]
public enum ProgressStatus
{
    OnTrack,
    AtRisk,
    Behind,
    NoQuota,
}
