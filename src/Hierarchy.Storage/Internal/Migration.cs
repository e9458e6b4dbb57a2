namespace Hierarchy.Storage.Internal;

/// <summary>One schema step, from a resource named like <c>Sql/Sqlite/Migrations/0001_initial.sql</c>.</summary>
internal sealed record Migration(int Version, string Name, string Sql);
