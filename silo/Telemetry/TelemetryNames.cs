using Hierarchy.Actors.Telemetry;
using Hierarchy.Grains.Rollup;

namespace Hierarchy.Silo.Telemetry;

/// <summary>Every meter and activity source the silo exports.</summary>
public static class TelemetryNames
{
    public static IReadOnlyList<string> Meters { get; } =
    [
        ActorsTelemetry.MeterName,
        HierarchyTelemetry.MeterName,
        SiloTelemetry.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
    ];

    public static IReadOnlyList<string> ActivitySources { get; } =
    [
        ActorsTelemetry.ActivitySourceName,
        HierarchyTelemetry.ActivitySourceName,
        SiloTelemetry.ActivitySourceName,
        "Microsoft.AspNetCore",
    ];
}
