namespace Hierarchy.Storage.Tests;

/// <summary>A small grain state with the shapes real grains use: numbers, text and a list.</summary>
public sealed class TestState
{
    public int Count { get; set; }

    public string Text { get; set; } = "";

    public List<string> Items { get; set; } = [];
}
