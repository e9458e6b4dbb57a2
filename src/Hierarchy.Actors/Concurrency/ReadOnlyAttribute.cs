namespace Hierarchy.Actors.Concurrency;

/// <summary>The method does not change grain state, so it may interleave with other read-only requests.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;
