namespace Hierarchy.Silo.Bench;

/// <summary>One measured figure: what, how much, in which unit, and a note on how it was measured.</summary>
public sealed record BenchResult(string Scenario, string Metric, double Value, string Unit, string Note = "");
