namespace Hierarchy.Silo.Demo;

public sealed class SimulatorOptions
{
    /// <summary>Report admissions at random branches of a demo database so the dashboard moves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Mean seconds between simulated admissions (each wait is jittered ±50 %).</summary>
    public double IntervalSeconds { get; set; } = 3;
}
