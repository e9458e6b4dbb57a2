using System.Diagnostics;
using Hierarchy.Grains.Hosting;
using Hierarchy.Grains.Units;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace Hierarchy.Grains.Tests.CallChains;

public sealed class CallCycleTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Far below Orleans' 30 s response timeout, which an unrefused cycle waits for.
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    private HierarchySilo silo = null!;

    public async Task InitializeAsync() => silo = await HierarchySilo.StartAsync();

    public async Task DisposeAsync() => await silo.DisposeAsync();

    private ICycleGrain Grain(string key, string type = CycleGrain.TypeName) => silo.Grains.GetGrain<ICycleGrain>(GrainId.Create(type, key));

    [Fact]
    public async Task A_call_back_into_a_waiting_grain_fails_at_once_naming_the_whole_cycle()
    {
        // Warm both grains up, so the measurement is the refusal and not two activations.
        Assert.Equal("A → B", await Grain("A").CallAsync([new("B")]));

        var watch = Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<GrainCallCycleException>(() => Grain("A").CallAsync([new("B"), new("A")]));
        watch.Stop();

        output.WriteLine($"A → B → A refused in {watch.Elapsed.TotalMilliseconds:0.0} ms (the first refusal): {refused.Message}");
        Assert.True(watch.Elapsed < Prompt, $"took {watch.Elapsed}");
        Assert.Equal(["cycle/A", "cycle/B", "cycle/A"], refused.Cycle);
        Assert.Contains("cycle/A → cycle/B → cycle/A", refused.Message);
        Assert.Null(RequestContext.Get(CallChain.Key));

        var times = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            watch.Restart();
            await Assert.ThrowsAsync<GrainCallCycleException>(() => Grain("A").CallAsync([new("B"), new("A")]));
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        output.WriteLine($"50 more refusals: median {times[25]:0.00} ms, slowest {times[^1]:0.00} ms");
        Assert.True(times[^1] < Prompt.TotalMilliseconds);
    }

    [Fact]
    public async Task The_refusal_crosses_the_wire_to_an_outside_client_and_a_grain_calling_itself_is_refused_too()
    {
        var client = await silo.ClientAsync();
        var a = client.GetGrain<ICycleGrain>(GrainId.Create(CycleGrain.TypeName, "A"));
        Assert.Equal("A → B", await a.CallAsync([new("B")]));

        var watch = Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<GrainCallCycleException>(() => a.CallAsync([new("B"), new("A")]));
        output.WriteLine($"A → B → A from the outside client refused in {watch.Elapsed.TotalMilliseconds:0.0} ms");
        Assert.True(watch.Elapsed < Prompt, $"took {watch.Elapsed}");
        Assert.Equal(["cycle/A", "cycle/B", "cycle/A"], refused.Cycle);

        var self = await Assert.ThrowsAsync<GrainCallCycleException>(() => Grain("S").CallAsync([new("S")]));
        Assert.Equal(["cycle/S", "cycle/S"], self.Cycle);

        // A longer cycle names every grain on it, from the re-entered one round to it again.
        var longer = await Assert.ThrowsAsync<GrainCallCycleException>(() => Grain("X").CallAsync([new("Y"), new("Z"), new("Y")]));
        Assert.Equal(["cycle/Y", "cycle/Z", "cycle/Y"], longer.Cycle);
    }

    [Fact]
    public async Task Nested_calls_without_a_cycle_and_sequential_calls_through_the_same_grains_work()
    {
        Assert.Equal("A → B → C", await Grain("A").CallAsync([new("B"), new("C")]));

        // B is called twice by A, one call after the other, the second time by way of C: no cycle, no leftover chain.
        Assert.Equal(["A → B", "A → C → B"], await Grain("A").EachAsync([[new("B")], [new("C"), new("B")]]));

        // Refused once, the same grains still serve ordinary calls, from the same caller and from the grains.
        await Assert.ThrowsAsync<GrainCallCycleException>(() => Grain("A").CallAsync([new("B"), new("A")]));
        Assert.Equal("B → A", await Grain("B").CallAsync([new("A")]));
        Assert.Equal("A → B → C", await Grain("A").CallAsync([new("B"), new("C")]));
    }

    [Fact]
    public async Task What_Orleans_lets_interleave_is_let_through()
    {
        // A reentrant grain takes the call back while it waits.
        Assert.Equal("R → B → R", await Grain("R", ReentrantCycleGrain.TypeName).CallAsync([new("B"), new("R", Type: ReentrantCycleGrain.TypeName)]));

        // [AlwaysInterleave] runs beside the waiting request.
        Assert.Equal("A → B → A", await Grain("A").CallAsync([new("B"), new("A", HopKind.Interleave)]));

        // A read-only request lets other read-only requests in, but nothing else.
        Assert.Equal("A → B → A", await Grain("A").ReadAsync([new("B", HopKind.Read), new("A", HopKind.Read)]));
        await Assert.ThrowsAsync<GrainCallCycleException>(() => Grain("A").CallAsync([new("B"), new("A", HopKind.Read)]));
        await Assert.ThrowsAsync<GrainCallCycleException>(() => Grain("A").ReadAsync([new("B"), new("A")]));
    }

    [Fact]
    public async Task A_one_way_call_is_never_refused_and_what_it_leads_to_may_call_back()
    {
        // A sends to B without waiting; B then calls A, which answers once its own call is over.
        Assert.Equal("A → (B)", await Grain("A").CallAsync([new("B", HopKind.OneWay), new("A")]));
        Assert.Equal("B → A", await EventuallyAsync(() => Grain("B").LastOneWayAsync()));

        // A one-way call straight back into a waiting grain is only queued: it runs when the grain is free.
        Assert.Equal("A → B → (A)", await Grain("A").CallAsync([new("B"), new("A", HopKind.OneWay), new("C")]));
        Assert.Equal("A → C", await EventuallyAsync(() => Grain("A").LastOneWayAsync()));
    }

    [Fact]
    public async Task An_observer_told_one_way_may_read_the_unit_that_told_it()
    {
        await silo.DefineSmallTreeAsync();
        var unit = silo.Unit("W1-01");
        var observer = new ReadingObserver(silo.Hierarchy);
        var reference = silo.Grains.CreateObjectReference<IUnitObserver>(observer);
        await unit.SubscribeAsync(reference);

        await unit.ReportAdmissionAsync(HierarchySilo.Report("seen"), "s");

        var read = await observer.Read.Task.WaitAsync(Prompt);
        Assert.Equal(1, read);
        await unit.UnsubscribeAsync(reference);
        silo.Grains.DeleteObjectReference<IUnitObserver>(reference);
    }

    private static async Task<string> EventuallyAsync(Func<Task<string?>> read)
    {
        var deadline = DateTime.UtcNow + Prompt;
        while (true)
        {
            if (await read() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, "nothing arrived");
            await Task.Delay(10);
        }
    }

    /// <summary>Reads the unit back as soon as it is told about a change, as the live stream does.</summary>
    private sealed class ReadingObserver(HierarchyService hierarchy) : IUnitObserver
    {
        public TaskCompletionSource<int> Read { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task OnUnitChanged(string unitId, long version)
        {
            try
            {
                var view = await hierarchy.Unit(unitId).GetViewAsync(HierarchySilo.Today.Year, HierarchySilo.Today);
                if (view?.Admitted > 0)
                {
                    Read.TrySetResult(view.Admitted);
                }
            }
            catch (Exception exception)
            {
                Read.TrySetException(exception);
            }
        }
    }
}
