namespace Hierarchy.Grains.Reform;

/// <summary>One row of the official conversion table: an old ward (or, for an island district, the district) and the new unit it went into.</summary>
public sealed record ConversionRow(
    int Line,
    string NewProvinceId,
    string NewUnitId,
    string NewUnitName,
    string OldProvinceId,
    string OldDistrictId,
    string OldWardId,
    string OldWardName,
    string How);
