using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Hierarchy.Silo.Bench.Cluster;
using Hierarchy.Silo.Tests.Support;

namespace Hierarchy.Fault.Tests.Support;

/// <summary>
/// Follows a unit's event stream the way the dashboard does: when the connection ends or fails, it connects again
/// a second later with the last event id it saw in <c>Last-Event-ID</c>.
/// </summary>
public sealed class ReconnectingStream(HttpClient client, string path, string token) : IDisposable
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    private HttpResponseMessage? response;
    private SseReader? reader;
    private string? lastEventId;

    /// <summary>The silo that served each connection, as the proxy named it.</summary>
    public List<string> ServedBy { get; } = [];

    /// <summary>The Last-Event-ID of every reconnection.</summary>
    public List<string> SentLastEventIds { get; } = [];

    /// <summary>The next event's data, reconnecting as often as needed within <paramref name="within"/>.</summary>
    public async Task<JsonNode> NextAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        while (true)
        {
            timeout.Token.ThrowIfCancellationRequested();
            try
            {
                reader ??= await ConnectAsync(timeout.Token);
                if (await reader.NextAsync(timeout.Token) is { } next)
                {
                    lastEventId = next.Id ?? lastEventId;
                    return next.Data;
                }
            }
            catch (Exception e) when (e is HttpRequestException or IOException && !timeout.IsCancellationRequested)
            {
                // The silo went away mid-stream, or the proxy had nowhere to send the request yet.
            }

            Disconnect();
            await Task.Delay(ReconnectDelay, timeout.Token);
        }
    }

    public void Dispose() => Disconnect();

    private async Task<SseReader> ConnectAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
            SentLastEventIds.Add(lastEventId);
        }

        var answer = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!answer.IsSuccessStatusCode)
        {
            var status = answer.StatusCode;
            answer.Dispose();
            throw new HttpRequestException($"the stream was answered {(int)status}");
        }

        ServedBy.Add(NginxFront.ServedBy(answer));
        response = answer;
        return new SseReader(await answer.Content.ReadAsStreamAsync(cancellationToken));
    }

    private void Disconnect()
    {
        reader?.Dispose();
        reader = null;
        response?.Dispose();
        response = null;
    }
}
