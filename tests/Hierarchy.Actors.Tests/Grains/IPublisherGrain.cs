namespace Hierarchy.Actors.Tests.Grains;

public interface IPublisherGrain : IGrainWithStringKey
{
    Task Subscribe(IMessageObserver observer);

    Task Unsubscribe(IMessageObserver observer);

    /// <summary>Notifies every subscriber and returns how many there were.</summary>
    Task<int> Publish(string message);

    /// <summary>Notifies every subscriber, then keeps its turn until the test opens the gate.</summary>
    Task PublishAndHold(string message, string gate);
}
