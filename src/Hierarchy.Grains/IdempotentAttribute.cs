namespace Hierarchy.Grains;

/// <summary>
/// Marks a grain method that may be called again with the same arguments without effect beyond the first call's
/// (a report carries its idempotency key), so a call lost with the silo that was handling it can be sent again.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class IdempotentAttribute : Attribute;
