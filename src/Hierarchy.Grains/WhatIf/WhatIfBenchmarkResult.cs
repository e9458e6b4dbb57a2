namespace Hierarchy.Grains.WhatIf;

/// <summary>Milliseconds per operation on one generated tree: the median and the slowest of the measured runs.</summary>
public sealed record WhatIfBenchmarkResult(
    string Shape,
    int Units,
    int Runs,
    double BuildMs,
    double RecomputeMedianMs,
    double RecomputeMaxMs,
    double EditMedianMs,
    double EditMaxMs,
    double CompareMedianMs,
    double CompareMaxMs,
    long RecomputeAllocatedBytes)
{
    public override string ToString() =>
        $"{Shape,-8} {Units,8:N0} units  build {BuildMs,7:N1} ms  recompute median {RecomputeMedianMs,6:N2} ms (max {RecomputeMaxMs:N2}, {RecomputeAllocatedBytes} B allocated)  " +
        $"redistribute+recompute median {EditMedianMs,6:N2} ms (max {EditMaxMs:N2})  compare median {CompareMedianMs,6:N2} ms (max {CompareMaxMs:N2})";
}
