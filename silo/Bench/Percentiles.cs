namespace Hierarchy.Silo.Bench;

/// <summary>p50 / p99 / max of a sample, in the sample's unit.</summary>
public sealed record Percentiles(double P50, double P99, double Max, int Count)
{
    public static Percentiles Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            return new Percentiles(double.NaN, double.NaN, double.NaN, 0);
        }

        var sorted = samples.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Percentiles(At(0.50), At(0.99), sorted[^1], sorted.Length);
    }
}
