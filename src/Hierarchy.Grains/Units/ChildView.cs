namespace Hierarchy.Grains.Units;

[GenerateSerializer, Immutable]
public sealed record ChildView(
    string Id,
    string Name,
    UnitLevel Level,
    int Quota,
    int Admitted,
    double? Progress,
    int Projected,
    int MembersAtStart,
    ProgressStatus Status,
    long QuotaVersion);
