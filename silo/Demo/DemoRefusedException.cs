namespace Hierarchy.Silo.Demo;

/// <summary>The demo would have written into a database that holds real data; the message says which and what to do.</summary>
public sealed class DemoRefusedException(string message) : Exception(message);
