using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Hierarchy.Fault.Tests.Support;

/// <summary>
/// Many concurrent branch secretaries reporting admissions over HTTP. Every key is recorded as sent before its
/// request leaves, and as acknowledged only when the server answered 201 or 200; what the server did with a
/// request that got no answer is exactly what the fault tests find out.
/// </summary>
public sealed class IngestLoad(HttpClient client, IReadOnlyList<(string Branch, string Token)> branches)
{
    private readonly ConcurrentDictionary<string, string> sent = new();
    private readonly ConcurrentDictionary<string, string> acknowledged = new();
    private readonly ConcurrentDictionary<string, int> failures = new();
    private readonly ConcurrentDictionary<string, (string Token, Dictionary<string, object> Body)> reports = new();
    private long slowestTicks;
    private int unavailableWithoutRetryAfter;

    /// <summary>Key → branch of every report sent.</summary>
    public IReadOnlyDictionary<string, string> Sent => sent;

    /// <summary>Key → branch of every report the server acknowledged.</summary>
    public IReadOnlyDictionary<string, string> Acknowledged => acknowledged;

    /// <summary>Unacknowledged outcomes by status code, or by exception type when there was no answer.</summary>
    public IReadOnlyDictionary<string, int> Failures => failures;

    /// <summary>503 answers that did not say when to try again.</summary>
    public int UnavailableWithoutRetryAfter => Volatile.Read(ref unavailableWithoutRetryAfter);

    /// <summary>The longest any request took to get an answer or fail.</summary>
    public TimeSpan Slowest => TimeSpan.FromTicks(Interlocked.Read(ref slowestTicks));

    /// <summary>Reports from <paramref name="clients"/> concurrent clients until stopped or each has sent <paramref name="perClient"/>.</summary>
    public Task RunAsync(int clients, CancellationToken stop, int perClient = int.MaxValue, TimeSpan? pause = null) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(c => ClientAsync(c, perClient, pause, stop)));

    private async Task ClientAsync(int number, int perClient, TimeSpan? pause, CancellationToken stop)
    {
        var (branch, token) = branches[number % branches.Count];
        var today = DateTime.Today;
        for (var i = 0; i < perClient && !stop.IsCancellationRequested; i++)
        {
            var key = $"fault-{number}-{i}-{Guid.NewGuid():N}";
            sent[key] = branch;
            var body = new Dictionary<string, object>
            {
                ["idempotencyKey"] = key,
                ["admittedOn"] = today.ToString("yyyy-MM-dd"),
                ["gender"] = i % 2 == 0 ? "female" : "male",
                ["birthDate"] = today.AddYears(-20 - i % 30).ToString("yyyy-MM-dd"),
                ["youthUnion"] = i % 3 == 0,
                ["education"] = "university",
                ["occupation"] = "enterpriseWorker",
            };
            reports[key] = (token, body);
            var clock = Stopwatch.StartNew();
            try
            {
                // Not bound to the stop token: a request in flight finishes or fails on its own, as a real client's would.
                var status = await SendAsync(key);
                if (status is not (HttpStatusCode.Created or HttpStatusCode.OK))
                {
                    failures.AddOrUpdate(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), 1, (_, n) => n + 1);

                    // Told to come back later (503 with Retry-After): a client waits a moment rather than spin.
                    await Task.Delay(50, CancellationToken.None);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                failures.AddOrUpdate(e.GetType().Name, 1, (_, n) => n + 1);
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                // The server is away (killed, restarting); back off a little rather than spin.
                await Task.Delay(50, CancellationToken.None);
            }

            var ticks = clock.Elapsed.Ticks;
            for (var seen = Interlocked.Read(ref slowestTicks); ticks > seen; seen = Interlocked.Read(ref slowestTicks))
            {
                if (Interlocked.CompareExchange(ref slowestTicks, ticks, seen) == seen)
                {
                    break;
                }
            }

            if (pause is { } wait)
            {
                await Task.Delay(wait, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Sends every report that got no acknowledgement again, with its own idempotency key and body, as a secretary
    /// whose report failed would; returns the outcome of each by status (or exception type).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, int>> ResendUnacknowledgedAsync()
    {
        var outcomes = new ConcurrentDictionary<string, int>();
        await Parallel.ForEachAsync(sent.Keys.Where(k => !acknowledged.ContainsKey(k)).ToList(), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (key, _) =>
        {
            string outcome;
            try
            {
                outcome = ((int)await SendAsync(key)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                outcome = e.GetType().Name;
            }

            outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
        });
        return outcomes;
    }

    private async Task<HttpStatusCode> SendAsync(string key)
    {
        var (token, body) = reports[key];
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/units/{sent[key]}/admissions") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, CancellationToken.None);
        if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
        {
            acknowledged[key] = sent[key];
        }
        else if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is null)
        {
            Interlocked.Increment(ref unavailableWithoutRetryAfter);
        }

        return response.StatusCode;
    }
}
