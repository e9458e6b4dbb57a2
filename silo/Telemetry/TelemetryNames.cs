using Hierarchy.Grains.Rollup;
using Hierarchy.Storage;

namespace Hierarchy.Silo.Telemetry;

/// <summary>Every meter and activity source the silo exports: ours beside Orleans' and ASP.NET Core's.</summary>
public static class TelemetryNames
{
    /// <summary>Orleans' meter: messaging, catalog (activations), directory, storage, grain calls.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Orleans' spans of grain calls, client and server; they join the caller's trace with activity propagation.</summary>
    public const string OrleansApplicationSource = "Microsoft.Orleans.Application";

    /// <summary>Orleans' spans of calls to system targets.</summary>
    public const string OrleansRuntimeSource = "Microsoft.Orleans.Runtime";

    public static IReadOnlyList<string> Meters { get; } =
    [
        OrleansMeter,
        GroupCommitGrainStorage.MeterName,
        HierarchyTelemetry.MeterName,
        SiloTelemetry.MeterName,
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
    ];

    public static IReadOnlyList<string> ActivitySources { get; } =
    [
        OrleansApplicationSource,
        OrleansRuntimeSource,
        HierarchyTelemetry.ActivitySourceName,
        SiloTelemetry.ActivitySourceName,
        "Microsoft.AspNetCore",
    ];
}
