using System.Collections.Concurrent;
using Hierarchy.Actors.Tests.Grains;
using Hierarchy.Actors.Tests.Support;

namespace Hierarchy.Actors.Tests;

public sealed class ObserverTests
{
    [Fact]
    public async Task An_observer_receives_a_grains_notifications_in_order()
    {
        await using var silo = await Silos.StartAsync();
        var observer = new RecordingObserver(expected: 3);
        var reference = silo.GrainFactory.CreateObjectReference<IMessageObserver>(observer);
        var grain = silo.Grain<IPublisherGrain>("p");

        await grain.Subscribe(reference);
        Assert.Equal(1, await grain.Publish("a"));
        await grain.Publish("b");
        await grain.Publish("c");

        await observer.AllReceived.Within();
        Assert.Equal(["a", "b", "c"], observer.Messages);
    }

    [Fact]
    public async Task A_slow_observer_does_not_slow_the_grain()
    {
        await using var silo = await Silos.StartAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new RecordingObserver(expected: 100, gate.Task);
        var fast = new RecordingObserver(expected: 100);
        var grain = silo.Grain<IPublisherGrain>("p");
        await grain.Subscribe(silo.GrainFactory.CreateObjectReference<IMessageObserver>(slow));
        await grain.Subscribe(silo.GrainFactory.CreateObjectReference<IMessageObserver>(fast));

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(2, await grain.Publish(i.ToString()).Within());
        }

        await fast.AllReceived.Within();
        Assert.True(slow.Messages.Count <= 1);
        gate.SetResult();
        await slow.AllReceived.Within();
        Assert.Equal(Enumerable.Range(0, 100).Select(i => i.ToString()), slow.Messages);
    }

    [Fact]
    public async Task A_deleted_object_reference_receives_nothing_more()
    {
        await using var silo = await Silos.StartAsync();
        var observer = new RecordingObserver(expected: 1);
        var reference = silo.GrainFactory.CreateObjectReference<IMessageObserver>(observer);
        var grain = silo.Grain<IPublisherGrain>("p");
        await grain.Subscribe(reference);
        await grain.Publish("first");
        await observer.AllReceived.Within();

        silo.GrainFactory.DeleteObjectReference(reference);
        await grain.Publish("second");
        await Task.Delay(100);

        Assert.Equal(["first"], observer.Messages);
    }

    [Fact]
    public async Task An_observer_may_call_back_into_the_grain_that_notified_it()
    {
        await using var silo = await Silos.StartAsync();
        var grain = silo.Grain<IPublisherGrain>("p");
        var observer = new CallbackObserver(silo.Grain<IPublisherGrain>("p"));
        await grain.Subscribe(silo.GrainFactory.CreateObjectReference<IMessageObserver>(observer));

        await grain.Publish("ping");

        Assert.Equal(1, await observer.CalledBack.Within());
    }

    [Fact]
    public async Task An_observer_calling_a_busy_grain_waits_for_it_rather_than_being_taken_for_a_cycle()
    {
        await using var silo = await Silos.StartAsync(o => o.ResponseTimeout = TimeSpan.FromMinutes(5));
        var probe = silo.Probe();
        var grain = silo.Grain<IPublisherGrain>("p");
        var observer = new CallbackObserver(silo.Grain<IPublisherGrain>("p"));
        await grain.Subscribe(silo.GrainFactory.CreateObjectReference<IMessageObserver>(observer));

        var hold = grain.PublishAndHold("ping", "gate");
        await observer.Calling.Within();
        await Eventually.StaysPendingAsync(observer.CalledBack, "the observer's call to the busy grain");

        probe.Open("gate");
        await hold.Within();
        Assert.Equal(1, await observer.CalledBack.Within());
    }

    private sealed class RecordingObserver(int expected, Task? gate = null) : IMessageObserver
    {
        private readonly ConcurrentQueue<string> messages = new();
        private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<string> Messages => [.. messages];

        public Task AllReceived => done.Task;

        public async Task OnMessage(string message)
        {
            if (gate is not null)
            {
                await gate;
            }

            messages.Enqueue(message);
            if (messages.Count == expected)
            {
                done.TrySetResult();
            }
        }
    }

    private sealed class CallbackObserver(IPublisherGrain grain) : IMessageObserver
    {
        private readonly TaskCompletionSource<int> calledBack = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource calling = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<int> CalledBack => calledBack.Task;

        public Task Calling => calling.Task;

        public async Task OnMessage(string message)
        {
            if (message == "ping")
            {
                calling.TrySetResult();
                try
                {
                    calledBack.TrySetResult(await grain.Publish("pong"));
                }
                catch (Exception e)
                {
                    calledBack.TrySetException(e);
                }
            }
        }
    }
}
