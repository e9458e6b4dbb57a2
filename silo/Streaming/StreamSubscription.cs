using System.Threading.Channels;

namespace Hierarchy.Silo.Streaming;

/// <summary>A client's place in a unit's stream; disposing it leaves, and the last to leave unsubscribes the hub from the grain.</summary>
public sealed class StreamSubscription(StreamClient client, Func<ValueTask> leave) : IAsyncDisposable
{
    private int disposed;

    public ChannelReader<StreamEvent> Reader => client.Reader;

    public ValueTask DisposeAsync() => Interlocked.Exchange(ref disposed, 1) == 0 ? leave() : ValueTask.CompletedTask;
}
