using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Hierarchy.Silo.Bench.Cluster;

/// <summary>
/// Branch secretaries reporting through the proxy: each report gets a fresh idempotency key, its send time is kept,
/// and one that fails can be sent again with the same key and body.
/// </summary>
public sealed class ClusterLoad(HttpClient client, IReadOnlyList<(string Branch, string Token)> branches)
{
    private readonly ConcurrentDictionary<string, (string Branch, string Token, object Body)> pending = new();
    private readonly ConcurrentBag<double> latencies = [];
    private readonly long[] sendTimes = new long[1 << 20];
    private int sequence;
    private int acknowledged;
    private int failed;

    public int Acknowledged => Volatile.Read(ref acknowledged);

    public int Failed => Volatile.Read(ref failed);

    /// <summary>Reports not acknowledged yet (failed, or cut off).</summary>
    public int Unacknowledged => pending.Count;

    /// <summary>Answer times of acknowledged reports, in ms.</summary>
    public IReadOnlyCollection<double> Latencies => latencies;

    /// <summary>When this load's <paramref name="nth"/> report (from 1) was sent, as a Stopwatch timestamp; 0 if unknown.</summary>
    public long SendTimeOf(int nth) => nth >= 1 && nth <= sendTimes.Length ? Volatile.Read(ref sendTimes[nth - 1]) : 0;

    /// <summary>As many reports as <paramref name="workers"/> closed-loop callers manage until <paramref name="stop"/>.</summary>
    public Task RunAsync(int workers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            while (!stop.IsCancellationRequested)
            {
                await SendNewAsync(branches[random.Next(branches.Count)], random);
            }
        }, CancellationToken.None)));

    /// <summary>Reports at a fixed rate (sent on a schedule, whatever the answers take) until <paramref name="stop"/>.</summary>
    public async Task RunAtRateAsync(double perSecond, CancellationToken stop)
    {
        var random = new Random(7);
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var started = Stopwatch.GetTimestamp();
        var inFlight = new List<Task>();
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var due = interval * i - Stopwatch.GetElapsedTime(started);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due, CancellationToken.None);
            }

            inFlight.Add(SendNewAsync(branches[random.Next(branches.Count)], random));
        }

        await Task.WhenAll(inFlight);
    }

    /// <summary>One new report for <paramref name="branch"/>; whether it was acknowledged.</summary>
    public Task<bool> SendNewAsync((string Branch, string Token) branch, Random random)
    {
        var number = Interlocked.Increment(ref sequence);
        var report = BenchReports.Create(number, DateOnly.FromDateTime(DateTime.Now), random) with
        {
            IdempotencyKey = $"cluster-{Guid.NewGuid():N}",
        };
        pending[report.IdempotencyKey] = (branch.Branch, branch.Token, BenchReports.Body(report));
        if (number <= sendTimes.Length)
        {
            Volatile.Write(ref sendTimes[number - 1], Stopwatch.GetTimestamp());
        }

        return SendAsync(report.IdempotencyKey);
    }

    /// <summary>Sends every unacknowledged report again, with its own key, until all are acknowledged or time runs out.</summary>
    public async Task ResendUntilAcknowledgedAsync(TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (!pending.IsEmpty && clock.Elapsed < within)
        {
            await Parallel.ForEachAsync(pending.Keys.ToList(), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (key, _) => await SendAsync(key));
            if (!pending.IsEmpty)
            {
                await Task.Delay(500);
            }
        }
    }

    private async Task<bool> SendAsync(string key)
    {
        var (branch, token, body) = pending[key];
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/units/{Uri.EscapeDataString(branch)}/admissions") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var sent = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, CancellationToken.None);
            if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK && pending.TryRemove(key, out _))
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                Interlocked.Increment(ref acknowledged);
                return true;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            // No answer: the report stays pending and is sent again later.
        }

        Interlocked.Increment(ref failed);
        await Task.Delay(20, CancellationToken.None);
        return false;
    }
}
