using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Hierarchy.Silo.Localization;

/// <summary>
/// Titles for the problems ASP.NET Core writes by itself (no endpoint for the path, a method or content type the
/// endpoint does not take, an unhandled error) in the caller's language; the API's own problems are worded already.
/// </summary>
public static class ProblemTitles
{
    private static readonly Dictionary<int, LocalizedText> ByStatus = new()
    {
        [StatusCodes.Status400BadRequest] = Messages.InvalidRequest,
        [StatusCodes.Status401Unauthorized] = Messages.UnauthorizedTitle,
        [StatusCodes.Status403Forbidden] = Messages.ForbiddenTitle,
        [StatusCodes.Status404NotFound] = Messages.NotFoundTitle,
        [StatusCodes.Status405MethodNotAllowed] = Messages.MethodNotAllowedTitle,
        [StatusCodes.Status409Conflict] = Messages.ConflictTitle,
        [StatusCodes.Status413PayloadTooLarge] = Messages.TooLargeTitle,
        [StatusCodes.Status415UnsupportedMediaType] = Messages.UnsupportedMediaTypeTitle,
        [StatusCodes.Status500InternalServerError] = Messages.ServerErrorTitle,
    };

    /// <summary>For <c>ProblemDetailsOptions.CustomizeProblemDetails</c>: words a problem that has no title of ours.</summary>
    public static void Localize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status is { } status && ByStatus.TryGetValue(status, out var title) && IsFrameworkTitle(problem.Title, status))
        {
            problem.Title = title.Format();
        }
    }

    private static bool IsFrameworkTitle(string? title, int status) =>
        title is null
        || string.Equals(title, ReasonPhrases.GetReasonPhrase(status), StringComparison.OrdinalIgnoreCase)
        || (status == StatusCodes.Status500InternalServerError && title.StartsWith("An error occurred", StringComparison.Ordinal));
}
