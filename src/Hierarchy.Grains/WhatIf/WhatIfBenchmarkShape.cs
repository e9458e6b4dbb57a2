namespace Hierarchy.Grains.WhatIf;

/// <summary>A generated tree's shape: a root with provinces (or the root is the province), districts, wards and branches below.</summary>
public sealed record WhatIfBenchmarkShape(string Name, int Provinces, int DistrictsPerProvince, int WardsPerDistrict, int BranchesPerWard)
{
    /// <summary>One province of ~600 wards and 15,000 branches.</summary>
    public static WhatIfBenchmarkShape Province { get; } = new("province", 1, 15, 40, 25);

    /// <summary>The whole country: 63 provinces, ~700 districts, ~9,700 wards, ~272,000 branches.</summary>
    public static WhatIfBenchmarkShape Country { get; } = new("country", 63, 11, 14, 28);

    public int Units => 1 + (Provinces > 1 ? Provinces : 0) + Provinces * DistrictsPerProvince * (1 + WardsPerDistrict * (1 + BranchesPerWard));
}
