namespace Hierarchy.Grains.Units;

[GenerateSerializer, Immutable]
public readonly record struct YearProgress(int DaysElapsed, int DaysInYear);
