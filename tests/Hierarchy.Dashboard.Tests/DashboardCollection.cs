namespace Hierarchy.Dashboard.Tests;

/// <summary>All browser tests share one silo and one browser; starting either per test would dominate the run time.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
