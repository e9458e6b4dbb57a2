using Hierarchy.Actors.Observers;
using Hierarchy.Actors.Tests.Support;

namespace Hierarchy.Actors.Tests.Grains;

internal sealed class PublisherGrain(Probe probe) : Grain, IPublisherGrain
{
    private readonly ObserverManager<IMessageObserver> observers = new();

    public Task Subscribe(IMessageObserver observer)
    {
        observers.Subscribe(observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IMessageObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task PublishAndHold(string message, string gate)
    {
        observers.Notify(o => o.OnMessage(message));
        await probe.Gate(gate);
    }

    public Task<int> Publish(string message)
    {
        observers.Notify(o => o.OnMessage(message));
        return Task.FromResult(observers.Count);
    }
}
