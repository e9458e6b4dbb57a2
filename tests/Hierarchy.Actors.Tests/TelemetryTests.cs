using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hierarchy.Actors.Telemetry;
using Hierarchy.Actors.Tests.Grains;
using Hierarchy.Actors.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Actors.Tests;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Calls_and_call_durations_are_measured()
    {
        await using var silo = await Silos.StartAsync();
        var scope = silo.Services.GetRequiredService<IMeterFactory>();
        long calls = 0;
        var durations = new ConcurrentBag<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ActorsTelemetry.MeterName && instrument.Meter.Scope == scope)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "hierarchy.actors.calls")
            {
                Interlocked.Add(ref calls, value);
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (instrument.Name == "hierarchy.actors.call.duration")
            {
                durations.Add(value);
            }
        });
        listener.Start();

        var grain = silo.Grain<ITurnGrain>("m");
        for (var i = 0; i < 5; i++)
        {
            await grain.Ping();
        }

        Assert.Equal(5, Interlocked.Read(ref calls));
        await Eventually.HoldsAsync(() => durations.Count == 5, "five call durations are recorded");
        Assert.All(durations, d => Assert.True(d >= 0));
    }

    [Fact]
    public async Task Grain_calls_are_traced_with_parent_links_across_grains()
    {
        await using var silo = await Silos.StartAsync();
        var key = Guid.NewGuid().ToString("N");
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ActorsTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.GetTagItem("grain.id") is string id && id.EndsWith(key, StringComparison.Ordinal))
                {
                    stopped.Enqueue(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        using var test = new Activity("test").Start();
        Assert.Equal(1, await silo.Grain<IRelayGrain>("relay-" + key).CallTurnGrain("turn-" + key));
        test.Stop();

        await Eventually.HoldsAsync(() => stopped.Count == 2, "both grain calls are traced");
        var outer = Assert.Single(stopped, a => ((string)a.GetTagItem("grain.id")!).Contains("relay-", StringComparison.Ordinal));
        var inner = Assert.Single(stopped, a => ((string)a.GetTagItem("grain.id")!).Contains("turn-", StringComparison.Ordinal));
        Assert.Equal(test.TraceId, outer.TraceId);
        Assert.Equal(test.SpanId, outer.ParentSpanId);
        Assert.Equal(outer.TraceId, inner.TraceId);
        Assert.Equal(outer.SpanId, inner.ParentSpanId);
        Assert.Equal("IRelayGrain.CallTurnGrain", outer.OperationName);
        Assert.Equal("ITurnGrain.Ping", inner.OperationName);
    }
}
