namespace Hierarchy.Grains.Admissions;

/// <summary>A rejected input, naming the field (in the API's camelCase) and why.</summary>
[GenerateSerializer, Immutable]
public sealed record ValidationError(string Field, string Message);
