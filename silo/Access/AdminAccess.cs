using Hierarchy.Silo.Api;
using Hierarchy.Silo.Localization;
using Microsoft.AspNetCore.Http;

namespace Hierarchy.Silo.Access;

/// <summary>
/// Decides requests for the Orleans dashboard: an admin token, as a bearer token or as the Basic password, or
/// nothing. The dashboard shows every grain type, method and error in the silo, so it is never anonymous, not even
/// on a demo database from this machine.
/// </summary>
public sealed class AdminAccess(UserStore users)
{
    /// <summary>The browser shows the realm in its sign-in prompt; UTF-8 so that a token is never mangled.</summary>
    public const string Challenge = "Basic realm=\"Hierarchy Orleans dashboard\", charset=\"UTF-8\"";

    /// <summary>Null when the caller is an admin; otherwise the 401 (with the Basic challenge) or 403 to send.</summary>
    public async Task<IResult?> CheckAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return Problems.Unauthorized(Messages.AdminSignIn.Format(), Challenge);
        }

        var user = DashboardCredentials.Token(header) is { } token ? await users.FindByTokenAsync(token) : null;
        if (user is null)
        {
            return Problems.Unauthorized(Messages.TokenInvalid.Format(), Challenge);
        }

        return user.Role == SiloRole.Admin
            ? null
            : Problems.Forbidden(Messages.AdminOnly.Format());
    }
}
