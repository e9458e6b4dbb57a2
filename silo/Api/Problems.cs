using Hierarchy.Grains.Admissions;
using Hierarchy.Silo.Localization;
using Microsoft.AspNetCore.Http;

namespace Hierarchy.Silo.Api;

/// <summary>Problem-details answers in the caller's language; every 4xx about input names the field in <c>errors</c>.</summary>
public static class Problems
{
    /// <summary>Errors the domain raised are worded here (<see cref="DomainMessages"/>); the silo's own are worded already.</summary>
    public static IResult Validation(IEnumerable<ValidationError> errors, string? title = null) =>
        TypedResults.ValidationProblem(
            errors.Select(DomainMessages.Localize).GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()),
            title: title ?? Messages.InvalidRequest.Format());

    public static IResult Validation(string field, string message) => Validation([new ValidationError(field, message)]);

    public static IResult Conflict(string detail, string? field = null, IDictionary<string, object?>? extensions = null) =>
        WithField(StatusCodes.Status409Conflict, Messages.ConflictTitle.Format(), detail, field, extensions);

    /// <summary>A conflict the domain refused with, worded for the caller.</summary>
    public static IResult Conflict(ValidationError error) => Conflict(DomainMessages.Localize(error).Message, error.Field);

    public static IResult NotFound(string detail, string field = "id") =>
        WithField(StatusCodes.Status404NotFound, Messages.NotFoundTitle.Format(), detail, field, null);

    public static IResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: Messages.ForbiddenTitle.Format());

    /// <param name="challenge">The WWW-Authenticate value: bearer for the API, Basic where a browser must be able to sign in by itself.</param>
    public static IResult Unauthorized(string detail, string challenge = "Bearer") => new UnauthorizedProblem(detail, challenge);

    public static IResult PreconditionRequired(string detail, string field) =>
        WithField(StatusCodes.Status428PreconditionRequired, Messages.PreconditionTitle.Format(), detail, field, null);

    public static IResult TooLarge(long limit) =>
        WithField(StatusCodes.Status413PayloadTooLarge, Messages.TooLargeTitle.Format(), Messages.BodyTooLarge.Format(limit), "body", null);

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
            return TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: Messages.UnauthorizedTitle.Format()).ExecuteAsync(httpContext);
        }
    }
}
