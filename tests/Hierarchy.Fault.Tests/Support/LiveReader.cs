using System.Net.Http.Headers;
using Hierarchy.Silo.Tests.Support;

namespace Hierarchy.Fault.Tests.Support;

/// <summary>A well-behaved dashboard: follows a unit's stream and remembers the latest admitted count it saw.</summary>
public sealed class LiveReader : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task reading;
    private int admitted = -1;
    private int events;

    private LiveReader(HttpClient client, HttpResponseMessage response)
    {
        reading = ReadAsync(client, response);
    }

    public int Admitted => Volatile.Read(ref admitted);

    public int Events => Volatile.Read(ref events);

    public static async Task<LiveReader> OpenAsync(Uri baseAddress, string path, string token)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new LiveReader(client, response);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await reading;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
            // Closed by us.
        }

        stop.Dispose();
    }

    private async Task ReadAsync(HttpClient client, HttpResponseMessage response)
    {
        using (client)
        using (response)
        using (var reader = new SseReader(await response.Content.ReadAsStreamAsync(stop.Token)))
        {
            while (await reader.NextAsync(stop.Token) is { } next)
            {
                Volatile.Write(ref admitted, next.Data["admitted"]!.GetValue<int>());
                Interlocked.Increment(ref events);
            }
        }
    }
}
