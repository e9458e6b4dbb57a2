namespace Hierarchy.Silo.Tests.Telemetry;

/// <summary>
/// Telemetry tests run alone. An OpenTelemetry provider subscribes to meters by name, and so to the meters of every
/// silo in the process; another test's silo, started or disposed meanwhile, could take the instruments this test's
/// exporter is waiting for.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
