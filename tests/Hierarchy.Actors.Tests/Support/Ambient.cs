namespace Hierarchy.Actors.Tests.Support;

/// <summary>An async-local value a test sets around a call, to show it does not leak into grain code.</summary>
public static class Ambient
{
    public static readonly AsyncLocal<string?> Value = new();
}
