namespace Hierarchy.Grains.Candidates;

/// <summary>
/// A day worked although it would be off: a Saturday a government decision swaps for a weekday beside a holiday, or a
/// built-in holiday that configuration corrects.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ExtraWorkingDay(DateOnly Date, string Name);
