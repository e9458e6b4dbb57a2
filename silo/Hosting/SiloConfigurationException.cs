namespace Hierarchy.Silo.Hosting;

/// <summary>A setting the silo cannot start with; its message is shown to the operator as it is.</summary>
public sealed class SiloConfigurationException(string message) : Exception(message);
