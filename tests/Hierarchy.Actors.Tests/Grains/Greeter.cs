namespace Hierarchy.Actors.Tests.Grains;

/// <summary>A service the test registers in dependency injection for a grain to receive through its constructor.</summary>
public sealed class Greeter(string greeting)
{
    public string Greet(string name) => $"{greeting}, {name}";
}
