namespace Hierarchy.Silo.Bench;

/// <summary>What the bench command measures and on what.</summary>
public sealed record BenchOptions(
    IReadOnlyList<string> Scenarios,
    int Reports,
    int Concurrency,
    string? PostgresConnectionString,
    string Province,
    string CataloguePath,
    string? JsonPath,
    TimeSpan FixedRateDuration,
    int Silos = 3,
    int Streams = 5000);
