namespace Hierarchy.Grains.Units;

/// <summary>One step of the breadcrumb from the province down to a unit.</summary>
[GenerateSerializer, Immutable]
public sealed record PathItem(string Id, string Name, UnitLevel Level, string? Kind = null)
{
    /// <summary>The party organisation (Đảng bộ …, Chi bộ …), beside <see cref="Name"/>, the administrative name.</summary>
    public string PartyName => PartyNames.Organisation(Level, Name);

    /// <summary>The name of the unit's level as it carries it (Phường, Đặc khu, Đảng bộ khối).</summary>
    public string LevelName => LevelNames.Of(Level, Kind);
}
