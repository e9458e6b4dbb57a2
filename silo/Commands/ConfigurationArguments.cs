using System.CommandLine;

namespace Hierarchy.Silo.Commands;

/// <summary>
/// Settings given on the command line the .NET way (<c>--Storage:Provider=postgres</c>, <c>--Storage:Sqlite:Path x.db</c>)
/// pass through to configuration; anything else the parser did not recognise is an error.
/// </summary>
public static class ConfigurationArguments
{
    // The host settings ASP.NET Core takes without a section; WebApplicationFactory passes applicationName and the like.
    private static readonly string[] PlainKeys = ["urls", "environment", "PathBase", "contentRoot", "applicationName"];

    public static string[] From(ParseResult parse, params string[] extra) => [.. parse.UnmatchedTokens, .. extra];

    /// <summary>The first unmatched token that is not a setting, or null.</summary>
    public static string? Invalid(ParseResult parse)
    {
        var expectValue = false;
        foreach (var token in parse.UnmatchedTokens)
        {
            if (expectValue)
            {
                // A value may look like anything, a path included ("--contentRoot /srv/hierarchy").
                expectValue = false;
                continue;
            }

            if (!token.StartsWith("--", StringComparison.Ordinal))
            {
                return token;
            }

            // "--Storage=" is how WebApplicationFactory passes a section that holds keys: harmless, so allowed.
            var key = token[2..].Split('=', 2)[0];
            if (!key.Contains(':', StringComparison.Ordinal) && !PlainKeys.Contains(key, StringComparer.OrdinalIgnoreCase) && !token.EndsWith('='))
            {
                return token;
            }

            expectValue = !token.Contains('=', StringComparison.Ordinal);
        }

        return null;
    }
}
