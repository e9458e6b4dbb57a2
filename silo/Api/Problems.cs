using Hierarchy.Grains.Admissions;
using Microsoft.AspNetCore.Http;

namespace Hierarchy.Silo.Api;

/// <summary>Problem-details answers; every 4xx about input names the field in <c>errors</c>.</summary>
public static class Problems
{
    public static IResult Validation(IEnumerable<ValidationError> errors, string? title = null) =>
        TypedResults.ValidationProblem(
            errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: title ?? "The request is not valid.");

    public static IResult Validation(string field, string message) => Validation([new ValidationError(field, message)]);

    public static IResult Conflict(string detail, string? field = null, IDictionary<string, object?>? extensions = null) =>
        WithField(StatusCodes.Status409Conflict, "Conflict", detail, field, extensions);

    public static IResult NotFound(string detail, string field = "id") =>
        WithField(StatusCodes.Status404NotFound, "Not found", detail, field, null);

    public static IResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Outside your scope");

    /// <param name="challenge">The WWW-Authenticate value: bearer for the API, Basic where a browser must be able to sign in by itself.</param>
    public static IResult Unauthorized(string detail, string challenge = "Bearer") => new UnauthorizedProblem(detail, challenge);

    public static IResult PreconditionRequired(string detail, string field) =>
        WithField(StatusCodes.Status428PreconditionRequired, "Precondition required", detail, field, null);

    public static IResult TooLarge(long limit) =>
        WithField(StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The body may be at most {limit:N0} bytes.", "body", null);

    private static IResult WithField(int status, string title, string detail, string? field, IDictionary<string, object?>? extensions)
    {
        var all = extensions is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(extensions);
        if (field is not null)
        {
            all["errors"] = new Dictionary<string, string[]> { [field] = [detail] };
        }

        return TypedResults.Problem(detail, statusCode: status, title: title, extensions: all);
    }

    /// <summary>A 401 that also tells the client which scheme to use, as RFC 6750 asks.</summary>
    private sealed class UnauthorizedProblem(string detail, string challenge) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.WWWAuthenticate = challenge;
            return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in required").ExecuteAsync(httpContext);
        }
    }
}
