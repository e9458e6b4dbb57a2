using System.Net.Sockets;
using System.Text;

namespace Hierarchy.Fault.Tests.Support;

/// <summary>
/// A client that opens a unit's event stream and then never reads, with a tiny receive window, so that the server's
/// writes to it back up as they would to a frozen browser tab or a dead mobile link.
/// </summary>
public sealed class StuckStreamClient : IDisposable
{
    private readonly TcpClient tcp;

    private StuckStreamClient(TcpClient tcp) => this.tcp = tcp;

    public static async Task<StuckStreamClient> OpenAsync(Uri baseAddress, string path, string token)
    {
        var tcp = new TcpClient { ReceiveBufferSize = 1024 };
        try
        {
            await tcp.ConnectAsync(baseAddress.Host, baseAddress.Port);
            var request = $"GET {path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\nAccept: text/event-stream\r\nAuthorization: Bearer {token}\r\n\r\n";
            await tcp.GetStream().WriteAsync(Encoding.ASCII.GetBytes(request));
            return new StuckStreamClient(tcp);
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    public bool Connected => tcp.Connected;

    public void Dispose() => tcp.Dispose();
}
