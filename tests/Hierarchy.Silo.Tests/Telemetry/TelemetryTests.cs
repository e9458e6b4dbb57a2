using System.Diagnostics;
using System.Net;
using Hierarchy.Grains;
using Hierarchy.Silo.Telemetry;
using Hierarchy.Silo.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Hierarchy.Silo.Tests.Telemetry;

[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests
{
    [Fact]
    public async Task One_trace_spans_the_admission_request_and_its_grain_calls_and_metrics_are_exported()
    {
        var traces = new InMemoryExporter<Activity>(a => a.Source.Name);
        var metrics = new InMemoryExporter<Metric>(m => m.Name);
        await using var silo = await TestSilo.StartAsync(TestStorage.Sqlite(TestStorage.NewSqlitePath()), configure: builder =>
            builder.Services.AddSiloOpenTelemetry(
                tracing => tracing.AddProcessor(new SimpleActivityExportProcessor(traces)),
                meters => meters.AddReader(new PeriodicExportingMetricReader(metrics, 200))));
        var hierarchy = await TestHierarchy.CreateAsync(silo);
        await SettledAsync(silo);

        using var client = silo.Client(hierarchy.Branch1Token);
        var response = await client.PostJsonAsync($"api/units/{TestHierarchy.Branch1}/admissions", Admissions.Valid());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var request = await Eventually.WaitAsync(
            () => Task.FromResult(traces.Items.FirstOrDefault(a => a.Source.Name == "Microsoft.AspNetCore" && a.DisplayName == "POST /api/units/{id}/admissions")),
            a => a is not null);
        Assert.NotNull(request);

        // Rollup continues after the answer; give it a moment to reach the ward within the same trace.
        var spans = await Eventually.WaitAsync(
            () => Task.FromResult(traces.Items.Where(a => a.TraceId == request.TraceId).ToList()),
            s => s.Any(a => Grain(a)?.EndsWith("/" + TestHierarchy.Ward, StringComparison.Ordinal) == true),
            TimeSpan.FromSeconds(5));
        var grains = spans.Where(a => a.Source.Name == TelemetryNames.OrleansApplicationSource).Select(Grain).OfType<string>().ToList();
        Assert.Contains(grains, g => g.EndsWith("/" + TestHierarchy.Branch1, StringComparison.Ordinal));
        Assert.True(
            grains.Any(g => g.EndsWith("/" + TestHierarchy.Ward, StringComparison.Ordinal)),
            $"the trace of the request reached only: {string.Join(", ", grains.Distinct())}");

        var reported = await Eventually.WaitAsync(() => Task.FromResult(metrics.Names.ContainsKey("hierarchy.admissions.reported")), found => found);
        Assert.True(reported, "metrics exported: " + string.Join(", ", metrics.Names.Keys));
        Assert.Contains("orleans-app-requests-latency", metrics.Names.Keys);
    }

    [Fact]
    public async Task The_trace_of_an_admission_reaches_the_province()
    {
        var traces = new InMemoryExporter<Activity>(a => a.Source.Name);
        await using var silo = await TestSilo.StartAsync(TestStorage.Sqlite(TestStorage.NewSqlitePath()), configure: builder =>
            builder.Services.AddSiloOpenTelemetry(tracing => tracing.AddProcessor(new SimpleActivityExportProcessor(traces))));
        var hierarchy = await TestHierarchy.CreateAsync(silo);
        await SettledAsync(silo);
        using var client = silo.Client(hierarchy.Branch1Token);
        Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync($"api/units/{TestHierarchy.Branch1}/admissions", Admissions.Valid())).StatusCode);
        var request = await Eventually.WaitAsync(
            () => Task.FromResult(traces.Items.FirstOrDefault(a => a.Source.Name == "Microsoft.AspNetCore" && a.DisplayName == "POST /api/units/{id}/admissions")),
            a => a is not null);
        var spans = await Eventually.WaitAsync(
            () => Task.FromResult(traces.Items.Where(a => a.TraceId == request!.TraceId).Select(Grain).OfType<string>().ToList()),
            s => s.Any(g => g.EndsWith("/" + TestHierarchy.Province, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(5));
        Assert.Contains(spans, g => g.EndsWith("/" + TestHierarchy.District, StringComparison.Ordinal));
        Assert.Contains(spans, g => g.EndsWith("/" + TestHierarchy.Province, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nothing_listens_when_no_exporter_is_configured()
    {
        await using var silo = await TestSilo.StartAsync(TestStorage.Sqlite(TestStorage.NewSqlitePath()));
        Assert.False(silo.Get<SystemMonitor>().IsListening);
        using var client = silo.Client();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health/ready")).StatusCode);
    }

    /// <summary>The grain an Orleans span called ("unit/0101"); Orleans renamed the tag between releases.</summary>
    private static string? Grain(Activity activity) =>
        (activity.GetTagItem("rpc.orleans.target_id") ?? activity.GetTagItem("orleans.rpc.target_id")) as string;

    /// <summary>
    /// Waits until setup's own rollup is acknowledged all the way up. A push carries the trace of the first change
    /// since the unit's previous push, so a report arriving while setup's push is still pending would go up under setup's trace.
    /// </summary>
    private static Task<bool> SettledAsync(TestSilo silo)
    {
        var hierarchy = silo.Get<HierarchyService>();
        return Eventually.WaitAsync(
            async () => (await Task.WhenAll(new[] { TestHierarchy.Branch1, TestHierarchy.Ward, TestHierarchy.District }.Select(id => hierarchy.Unit(id).FlushAsync()))).All(flushed => flushed),
            settled => settled);
    }
}
