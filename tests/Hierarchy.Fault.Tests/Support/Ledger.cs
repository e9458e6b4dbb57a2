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
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/units/{branch}/admissions");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var list = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
            keys.AddRange(list.Where(a => a!["retractedAt"] is null).Select(a => a!["idempotencyKey"]!.GetValue<string>()));
        }

        return keys;
    }

    public static async Task<int> AdmittedAsync(HttpClient client, string token, string unitId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/units/{unitId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["admitted"]!.GetValue<int>();
    }
}
