using System.Text;

namespace Hierarchy.Fault.Tests.Support;

/// <summary>One hostile request and what a careful server answers: one of <see cref="Statuses"/>, naming <see cref="Field"/> if given.</summary>
public sealed record HostileRequest(string Name, HttpMethod Method, string Path, string? Token, string? Body, int[] Statuses, string? Field = null)
{
    public string ContentType { get; init; } = "application/json";

    public string? IfMatch { get; init; }

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Path);
        if (Token is not null)
        {
            // Hostile tokens may hold characters a header refuses to validate; send them as they are.
            message.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Token);
        }

        if (IfMatch is not null)
        {
            message.Headers.TryAddWithoutValidation("If-Match", IfMatch);
        }

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
            message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        return message;
    }

    public override string ToString() => $"{Name}: {Method} {(Path.Length > 80 ? Path[..80] + "…" : Path)}";
}
