using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Hierarchy.Fault.Tests.Support;

/// <summary>What the silo holds, read back over its API: the admission keys per branch and the province's total.</summary>
public static class Ledger
{
    /// <summary>Every idempotency key in the branches' ledgers, with duplicates kept so that a test can see them.</summary>
    public static async Task<List<string>> KeysAsync(HttpClient client, string token, IEnumerable<string> branchIds)
    {
        var keys = new List<string>();
        foreach (var branch in branchIds.Distinct())
        {
            using var response = await GetAsync(client, token, $"api/units/{branch}/admissions");
            var list = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
            keys.AddRange(list.Where(a => a!["retractedAt"] is null).Select(a => a!["idempotencyKey"]!.GetValue<string>()));
        }

        return keys;
    }

    public static async Task<int> AdmittedAsync(HttpClient client, string token, string unitId)
    {
        using var response = await GetAsync(client, token, $"api/units/{unitId}");
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["admitted"]!.GetValue<int>();
    }

    /// <summary>
    /// A GET as a client that honours Retry-After does it: a unit whose silo just died answers 503 until the cluster
    /// has declared that silo dead, then answers from another one.
    /// </summary>
    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string token, string path)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await client.SendAsync(request);
            if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable || clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                response.EnsureSuccessStatusCode();
                return response;
            }

            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait);
        }
    }
}
