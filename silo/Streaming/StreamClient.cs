using System.Threading.Channels;

namespace Hierarchy.Silo.Streaming;

/// <summary>
/// One follower's mailbox: it holds only the newest view. A slow client skips views it has not sent yet, so it can
/// never hold back the hub, the grain or the other clients.
/// </summary>
public sealed class StreamClient
{
    private readonly Channel<StreamEvent> channel = Channel.CreateBounded<StreamEvent>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
        SingleWriter = false,
    });

    public ChannelReader<StreamEvent> Reader => channel.Reader;

    public void Offer(StreamEvent item) => channel.Writer.TryWrite(item);

    public void Complete() => channel.Writer.TryComplete();
}
