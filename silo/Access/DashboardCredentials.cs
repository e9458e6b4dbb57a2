using System.Text;

namespace Hierarchy.Silo.Access;

/// <summary>
/// Reads a token from <c>Authorization</c> as <c>Bearer &lt;token&gt;</c> or as HTTP Basic with the token for the
/// password. Basic exists because a browser cannot attach a bearer token to a page navigation, but it does answer a
/// Basic challenge with its own sign-in prompt and then sends the credentials with every request below it.
/// </summary>
public static class DashboardCredentials
{
    /// <summary>The token, or null when the header is missing or not one of the two forms.</summary>
    public static string? Token(string authorization)
    {
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return null;
        }

        var scheme = authorization[..space];
        var value = authorization[(space + 1)..].Trim();
        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return value.Length > 0 ? value : null;
        }

        return scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) ? BasicPassword(value) : null;
    }

    /// <summary>The password of "user:password" in base64; the user name is ignored, since the token names its user.</summary>
    private static string? BasicPassword(string encoded)
    {
        // A token is under 200 characters; anything far longer is not worth decoding.
        if (encoded.Length is 0 or > 1024)
        {
            return null;
        }

        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, bytes, out var length))
        {
            return null;
        }

        var pair = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = pair.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && colon < pair.Length - 1 ? pair[(colon + 1)..].Trim() : null;
    }
}
