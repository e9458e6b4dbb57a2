using System.Text.Json;
using Hierarchy.Grains.Admissions;
using Hierarchy.Silo.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Hierarchy.Silo.Api;

/// <summary>
/// Reads request bodies with a size limit and turns malformed JSON into a problem that names the field. Model
/// binding would answer a bare 400 for the same input, which is why bodies are read here.
/// </summary>
public static class RequestBodies
{
    public const long JsonLimit = 64 * 1024;
    public const long UploadLimit = 4 * 1024 * 1024;

    public static async Task<(byte[]? Body, IResult? Problem)> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return (null, Problems.TooLarge(limit));
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return (null, Problems.TooLarge(limit));
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.TooLarge(limit));
        }

        return (buffer.ToArray(), null);
    }

    public static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellationToken, bool allowEmpty = false)
        where T : class
    {
        if (request.ContentType is { Length: > 0 } contentType && !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problems.Validation("body", Messages.SendJson.Format()));
        }

        var (body, problem) = await ReadAsync(request, JsonLimit, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        if (body!.Length == 0)
        {
            return allowEmpty ? (null, null) : (null, Problems.Validation("body", Messages.JsonObjectRequired.Format()));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body, SiloJson.Options);
            return value is null ? (null, Problems.Validation("body", Messages.JsonObjectRequired.Format())) : (value, null);
        }
        catch (JsonException e) when (UnknownField(e) is { } unknown)
        {
            return (null, Problems.Validation([new ValidationError(unknown, Messages.UnknownField.Format(unknown))]));
        }
        catch (JsonException e)
        {
            return (null, Problems.Validation([new ValidationError(FieldOf(e.Path), JsonMessage(e))]));
        }
    }

    /// <summary>The field System.Text.Json could not map (it names it in quotes in its message), or null for any other error.</summary>
    private static string? UnknownField(JsonException e)
    {
        const string Marker = "could not be mapped";
        if (e.Message is not { } message || !message.Contains(Marker, StringComparison.Ordinal))
        {
            return null;
        }

        var open = message.IndexOf('\'');
        var close = open < 0 ? -1 : message.IndexOf('\'', open + 1);
        return close > open + 1 ? message[(open + 1)..close] : FieldOf(e.Path);
    }

    /// <summary>"$.youthUnion" → "youthUnion"; the whole document → "body".</summary>
    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        return bracket > 0 ? field[..bracket] : field.Length == 0 ? "body" : field;
    }

    private static string JsonMessage(JsonException e) =>
        e.Path is null or "$"
            ? Messages.InvalidJson.Format()
            : Messages.WrongType.Format(e.LineNumber + 1);
}
