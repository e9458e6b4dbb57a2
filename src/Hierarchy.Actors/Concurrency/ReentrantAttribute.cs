namespace Hierarchy.Actors.Concurrency;

/// <summary>Lets requests to the grain interleave at await points (still one thread at a time).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class ReentrantAttribute : Attribute;
