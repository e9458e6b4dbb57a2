namespace Hierarchy.Grains.Units;

/// <summary>The admission statistics form's breakdown rows for a set of admissions.</summary>
[GenerateSerializer, Immutable]
public sealed record Breakdown(
    int YouthUnion,
    int Women,
    int EthnicMinority,
    int Religious,
    int PrivateBusinessOwner,
    IReadOnlyDictionary<string, int> Age,
    double? AverageAge,
    IReadOnlyDictionary<string, int> Education,
    IReadOnlyDictionary<string, int> Occupation);
