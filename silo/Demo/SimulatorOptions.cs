namespace Hierarchy.Silo.Demo;

public sealed class SimulatorOptions
{
    /// <summary>Report admissions at random branches of a demo database so the dashboard moves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The shortest mean wait between simulated admissions, in seconds (each wait is jittered ±50 %).</summary>
    public double IntervalSeconds { get; set; } = 3;

    /// <summary>
    /// Real seconds a simulated business day lasts. The simulator reports what a day of the season brings in that
    /// time, so a demo left open for an hour moves the province by two months' progress, not by a fifth of its quota in minutes.
    /// </summary>
    public double SecondsPerDay { get; set; } = 60;
}
