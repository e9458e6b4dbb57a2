using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hierarchy.Silo.Tests.Support;

public static class HttpExtensions
{
    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("Empty JSON.");
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string body, string contentType = "application/json") =>
        client.PostAsync(url, new StringContent(body, Encoding.UTF8, contentType));

    /// <summary>The field names a problem's <c>errors</c> names.</summary>
    public static async Task<IReadOnlyList<string>> ProblemFieldsAsync(this HttpResponseMessage response)
    {
        var json = await response.JsonAsync();
        return json["errors"] is JsonObject errors ? errors.Select(e => e.Key).ToList() : [];
    }

    /// <summary>The messages a problem's <c>errors</c> holds for one field.</summary>
    public static async Task<IReadOnlyList<string>> ProblemMessagesAsync(this HttpResponseMessage response, string field)
    {
        var json = await response.JsonAsync();
        return json["errors"]?[field] is JsonArray messages ? messages.Select(m => m!.GetValue<string>()).ToList() : [];
    }

    public static int Int(this JsonNode node, string name) => node[name]!.GetValue<int>();

    public static string Str(this JsonNode node, string name) => node[name]!.GetValue<string>();

    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
}
