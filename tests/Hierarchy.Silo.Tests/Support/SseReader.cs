using System.Text;
using System.Text.Json.Nodes;

namespace Hierarchy.Silo.Tests.Support;

/// <summary>Reads a text/event-stream body event by event, as a browser's EventSource would.</summary>
public sealed class SseReader(Stream body) : IDisposable
{
    private readonly StreamReader reader = new(body, Encoding.UTF8);

    public int Comments { get; private set; }

    /// <summary>The next event's data as JSON, or null when the stream ends.</summary>
    public async Task<(string? Id, JsonNode Data)?> NextAsync(CancellationToken cancellationToken)
    {
        var data = new StringBuilder();
        string? id = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    return (id, JsonNode.Parse(data.ToString())!);
                }

                continue;
            }

            if (line.StartsWith(':'))
            {
                Comments++;
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line.AsSpan(5).TrimStart(' '));
            }
            else if (line.StartsWith("id:", StringComparison.Ordinal))
            {
                id = line[3..].Trim();
            }
        }

        return null;
    }

    public void Dispose() => reader.Dispose();
}
