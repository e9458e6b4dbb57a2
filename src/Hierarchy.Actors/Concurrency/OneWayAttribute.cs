namespace Hierarchy.Actors.Concurrency;

/// <summary>The caller's task completes as soon as the request is queued; the grain runs it later and failures are only logged.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneWayAttribute : Attribute;
