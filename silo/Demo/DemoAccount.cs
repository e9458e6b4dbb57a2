using Hierarchy.Silo.Access;

namespace Hierarchy.Silo.Demo;

/// <summary>A demo sign-in printed at start: the token exists only in this record and on the console.</summary>
public sealed record DemoAccount(SiloRole Role, string UnitId, string UnitName, string Token);
