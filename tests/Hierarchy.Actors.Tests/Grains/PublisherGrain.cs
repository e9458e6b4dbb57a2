using Hierarchy.Actors.Observers;

namespace Hierarchy.Actors.Tests.Grains;

internal sealed class PublisherGrain : Grain, IPublisherGrain
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

    public Task<int> Publish(string message)
    {
        observers.Notify(o => o.OnMessage(message));
        return Task.FromResult(observers.Count);
    }
}
