namespace Hierarchy.Grains.Units;

/// <summary>The four levels of the party hierarchy; since July 2025 a ward may hang straight under its province.</summary>
[GenerateSerializer]
public enum UnitLevel
{
    Province,
    District,
    Ward,
    Branch,
}
