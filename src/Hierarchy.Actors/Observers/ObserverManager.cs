namespace Hierarchy.Actors.Observers;

/// <summary>
/// Keeps a grain's subscribers (Orleans' ObserverManager). It is grain state, so it is only touched from the grain's
/// turns; notifying never waits on a subscriber.
/// </summary>
public sealed class ObserverManager<TObserver> where TObserver : IGrainObserver
{
    private readonly List<TObserver> observers = [];

    public int Count => observers.Count;

    public void Subscribe(TObserver observer)
    {
        if (!observers.Contains(observer))
        {
            observers.Add(observer);
        }
    }

    public void Unsubscribe(TObserver observer) => observers.Remove(observer);

    public void Notify(Action<TObserver> notification)
    {
        foreach (var observer in observers)
        {
            notification(observer);
        }
    }
}
