namespace Hierarchy.Silo.Tests.Support;

/// <summary>The configuration arguments that point a silo at one test database.</summary>
public sealed record TestStorage(string Name, IReadOnlyList<string> Arguments)
{
    public static TestStorage Sqlite(string path) => new("sqlite", [$"--Storage:Provider=sqlite", $"--Storage:Sqlite:Path={path}"]);

    public static TestStorage Postgres(string connectionString) => new("postgres", ["--Storage:Provider=postgres", $"--Storage:Postgres:ConnectionString={connectionString}"]);

    public static string NewSqlitePath() => Path.Combine(Directory.CreateTempSubdirectory("hierarchy-silo-tests-").FullName, "hierarchy.db");
}
