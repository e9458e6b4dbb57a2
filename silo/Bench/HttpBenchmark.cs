using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hierarchy.Grains.Units;
using Hierarchy.Silo.Access;

namespace Hierarchy.Silo.Bench;

/// <summary>Reports through the real HTTP API with branch tokens, and the province overview read over HTTP.</summary>
public sealed class HttpBenchmark(Uri address, UserStore users)
{
    private const int TokenBranches = 200;

    public async Task<IReadOnlyList<BenchResult>> RunAsync(IReadOnlyList<string> branches, string rootId, int reports, int concurrency)
    {
        var results = new List<BenchResult>();
        var chosen = branches.Take(TokenBranches).ToList();
        var tokens = new List<(string Branch, string Token)>();
        foreach (var branch in chosen)
        {
            var (_, token) = await users.AddAsync(branch, SiloRole.Branch, $"bench {branch}", "bench");
            tokens.Add((branch, token));
        }

        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = address };
        var today = DateOnly.FromDateTime(DateTime.Now);
        var next = -1;
        var latencies = new ConcurrentBag<double>();
        var started = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var random = new Random(1000 + worker);
            int i;
            while ((i = Interlocked.Increment(ref next)) < reports)
            {
                var (branch, token) = tokens[random.Next(tokens.Count)];
                var report = BenchReports.Create(10_000_000 + i, today, random);
                using var request = new HttpRequestMessage(HttpMethod.Post, $"api/units/{Uri.EscapeDataString(branch)}/admissions")
                {
                    Content = JsonContent.Create(BenchReports.Body(report)),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var sent = Stopwatch.GetTimestamp();
                using var response = await client.SendAsync(request);
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if ((int)response.StatusCode != 201)
                {
                    throw new InvalidOperationException($"POST admissions answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        })));
        var elapsed = started.Elapsed;
        var latency = Percentiles.Of(latencies);
        results.Add(new BenchResult("http", "durable reports/s over HTTP", reports / elapsed.TotalSeconds, "reports/s", $"{reports:N0} POSTs, {concurrency} connections, {tokens.Count} branch tokens"));
        results.Add(new BenchResult("http", "POST latency p50", latency.P50, "ms"));
        results.Add(new BenchResult("http", "POST latency p99", latency.P99, "ms"));

        var (committee, committeeToken) = await users.AddAsync(rootId, SiloRole.Committee, "bench committee", "bench");
        _ = committee;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", committeeToken);
        var reads = new List<double>();
        for (var i = 0; i < 220; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync($"api/units/{rootId}");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
            if (i >= 20)
            {
                reads.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
        }

        var read = Percentiles.Of(reads);
        results.Add(new BenchResult("read", "province overview over HTTP p50", read.P50, "ms", $"GET api/units/{rootId}, {reads.Count} sequential requests"));
        results.Add(new BenchResult("read", "province overview over HTTP p99", read.P99, "ms"));
        return results;
    }
}
