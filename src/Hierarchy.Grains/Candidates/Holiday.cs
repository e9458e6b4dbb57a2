namespace Hierarchy.Grains.Candidates;

/// <summary>A day off that is not a weekend day: a public holiday, a day given in lieu of one, or a weekday swapped for a worked Saturday.</summary>
[GenerateSerializer, Immutable]
public sealed record Holiday(DateOnly Date, string Name);
