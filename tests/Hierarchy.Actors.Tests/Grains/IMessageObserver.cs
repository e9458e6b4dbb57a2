namespace Hierarchy.Actors.Tests.Grains;

public interface IMessageObserver : IGrainObserver
{
    Task OnMessage(string message);
}
