namespace Hierarchy.Grains.Rollup;

/// <summary>
/// Aggregate versions are hybrid clocks: always above the previous version and never below the wall clock, so a
/// unit that restarts from an older checkpoint still issues versions its parent has not seen.
/// </summary>
public static class Versions
{
    public static long Next(long previous, DateTimeOffset now) => Math.Max(previous + 1, now.UtcTicks);
}
