using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Hierarchy.Silo.Bench.Cluster;

/// <summary>
/// Many dashboards following one unit's live stream through the proxy. Each event's <c>admitted</c> says which
/// report it shows at the latest (the n-th of the load since the streams opened), so the delay from that report's
/// sending to the event's arrival is known for every client.
/// </summary>
public sealed class StreamFanOut(HttpClient client, string unitId, string token) : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentBag<double> delays = [];
    private readonly List<Task> readers = [];
    private int opened;
    private int showing;
    private int failed;
    private int baseline = -1;
    private ClusterLoad? load;

    public int Opened => Volatile.Read(ref opened);

    public int Failed => Volatile.Read(ref failed);

    /// <summary>Report-to-client delays in ms, one per client per event that showed a new report.</summary>
    public IReadOnlyCollection<double> Delays => delays;

    /// <summary>Opens <paramref name="streams"/> streams and waits until each has shown the unit's current view.</summary>
    public async Task OpenAsync(int streams, int admittedNow, TimeSpan within)
    {
        baseline = admittedNow;
        for (var i = 0; i < streams; i++)
        {
            readers.Add(Task.Run(ReadAsync));
        }

        var clock = Stopwatch.StartNew();
        while (Volatile.Read(ref showing) + Volatile.Read(ref failed) < streams && clock.Elapsed < within)
        {
            await Task.Delay(100);
        }
    }

    /// <summary>From now on, events are matched to this load's reports.</summary>
    public void Follow(ClusterLoad reports) => Volatile.Write(ref load, reports);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(readers).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.Dispose();
    }

    private async Task ReadAsync()
    {
        var signalled = false;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/units/{unitId}/stream");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
            response.EnsureSuccessStatusCode();
            Interlocked.Increment(ref opened);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token), Encoding.UTF8);
            var seen = -1;
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                if (!line.StartsWith("data:", StringComparison.Ordinal) || Admitted(line) is not { } admitted)
                {
                    continue;
                }

                var arrived = Stopwatch.GetTimestamp();
                if (!signalled)
                {
                    signalled = true;
                    Interlocked.Increment(ref showing);
                }

                if (admitted > seen && Volatile.Read(ref load) is { } reports && reports.SendTimeOf(admitted - baseline) is var sent and > 0)
                {
                    delays.Add(Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds);
                }

                seen = admitted;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
        {
            if (!stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref failed);
            }
        }
    }

    /// <summary>The unit's own "admitted" (the first in the view), read without parsing the whole event.</summary>
    private static int? Admitted(string line)
    {
        const string field = "\"admitted\":";
        var at = line.IndexOf(field, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = at + field.Length;
        var end = start;
        while (end < line.Length && char.IsAsciiDigit(line[end]))
        {
            end++;
        }

        return int.TryParse(line.AsSpan(start, end - start), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
