using System.Text;
using Hierarchy.Silo.Localization;
using Microsoft.AspNetCore.Http;

namespace Hierarchy.Silo.Api;

/// <summary>
/// An uploaded CSV file as text, sent as the body (<c>text/csv</c>) or as a multipart file (<c>curl -F file=@x.csv</c>),
/// within the upload limit, and refused unless it is UTF-8: a file saved in the Windows Vietnamese code page (1258)
/// would otherwise be read with its names corrupted, and recorded so.
/// </summary>
public static class CsvUploads
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<(string? Text, IResult? Problem)> ReadAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            var (body, problem) = await RequestBodies.ReadAsync(context.Request, RequestBodies.UploadLimit, context.RequestAborted);
            return problem is not null ? (null, problem) : Decode(body!, "body");
        }

        if (context.Request.ContentLength > RequestBodies.UploadLimit)
        {
            return (null, Problems.TooLarge(RequestBodies.UploadLimit));
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var file = form.Files.FirstOrDefault();
        if (file is null)
        {
            return (null, Problems.Validation("file", Messages.AttachCsv.Format()));
        }

        if (file.Length > RequestBodies.UploadLimit)
        {
            return (null, Problems.TooLarge(RequestBodies.UploadLimit));
        }

        using var content = new MemoryStream();
        await file.CopyToAsync(content, context.RequestAborted);
        return Decode(content.ToArray(), "file");
    }

    private static (string? Text, IResult? Problem) Decode(byte[] bytes, string field)
    {
        try
        {
            return (StrictUtf8.GetString(bytes).TrimStart('\uFEFF'), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, Problems.Validation(field, Messages.NotUtf8.Format()));
        }
    }
}
