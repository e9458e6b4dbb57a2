using Microsoft.AspNetCore.Http;

namespace Hierarchy.Silo.Api;

/// <summary>CSV downloads: UTF-8 with a byte-order mark so that Excel reads Vietnamese correctly.</summary>
public static class Csv
{
    public static IResult File(string content, string fileName)
    {
        var preamble = CsvText.Utf8WithBom.GetPreamble();
        var body = CsvText.Utf8WithBom.GetBytes(content);
        var bytes = new byte[preamble.Length + body.Length];
        preamble.CopyTo(bytes, 0);
        body.CopyTo(bytes, preamble.Length);
        return TypedResults.File(bytes, "text/csv; charset=utf-8", fileName);
    }
}
