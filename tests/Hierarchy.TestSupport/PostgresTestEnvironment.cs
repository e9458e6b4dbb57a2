namespace Hierarchy.TestSupport;

/// <summary>
/// Where the PostgreSQL server for tests is. Locally the tests skip without one; on CI (CI=true) they must run,
/// so a missing server fails them loudly instead of hiding behind a skip.
/// </summary>
public static class PostgresTestEnvironment
{
    /// <summary>An admin connection string, e.g. <c>Host=127.0.0.1;Port=54329;Username=postgres;Database=postgres</c>.</summary>
    public const string VariableName = "HIERARCHY_TEST_POSTGRES";

    public static string? AdminConnectionString =>
        Environment.GetEnvironmentVariable(VariableName) is { Length: > 0 } value ? value : null;

    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why PostgreSQL tests are skipped, or null when they must run.</summary>
    public static string? SkipReason => AdminConnectionString is null && !IsCi
        ? $"PostgreSQL tests need {VariableName} (an admin connection string); .ci/postgres.sh start DIR prints one."
        : null;

    /// <summary>The admin connection string, or a clear failure when a test that must run has no server.</summary>
    public static string RequireAdminConnectionString() => AdminConnectionString
        ?? throw new InvalidOperationException(
            $"CI=true but {VariableName} is not set: the PostgreSQL tests must run on CI and cannot without a server.");
}
