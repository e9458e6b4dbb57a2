namespace Hierarchy.Actors.Concurrency;

/// <summary>The method interleaves with any other request, even on a non-reentrant grain.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;
