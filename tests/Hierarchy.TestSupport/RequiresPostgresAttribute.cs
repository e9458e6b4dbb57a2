namespace Hierarchy.TestSupport;

/// <summary>
/// Marks a test class whose inherited <see cref="ConformanceFactAttribute"/> tests run against PostgreSQL,
/// so they skip (or, on CI, run and fail) like <see cref="PostgresFactAttribute"/> tests.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPostgresAttribute : Attribute;
