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
    long QuotaVersion)
{
    /// <summary>The party organisation (Đảng bộ …, Chi bộ …), beside <see cref="Name"/>, the administrative name.</summary>
    public string PartyName => PartyNames.Organisation(Level, Name);
}
