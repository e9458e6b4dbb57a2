namespace Hierarchy.Grains.WhatIf;

/// <summary>What a parent's quota is shared out in proportion to among its unlocked children.</summary>
[GenerateSerializer]
public enum RedistributionMethod
{
    Even,
    Members,
    Admissions,
    LastYearAttainment,

    /// <summary>The candidate sources each child has at or past a chosen stage (the wards' review of sources before allocating).</summary>
    Candidates,
}
