namespace Hierarchy.Grains.Units;

public readonly record struct YearProgress(int DaysElapsed, int DaysInYear);
