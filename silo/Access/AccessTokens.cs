using System.Security.Cryptography;
using System.Text;

namespace Hierarchy.Silo.Access;

/// <summary>
/// Bearer tokens look like <c>hy_{userId}_{secret}</c>: the user id lets a lookup read one record instead of
/// scanning, and the 256-bit secret is what the stored SHA-256 hash protects.
/// </summary>
public static class AccessTokens
{
    private const string Prefix = "hy_";
    private const string IdAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static string NewUserId() => "u" + RandomNumberGenerator.GetString(IdAlphabet, 9);

    public static string Create(string userId) =>
        Prefix + userId + "_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool TryGetUserId(string token, out string userId)
    {
        userId = "";
        if (token.Length > 200 || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var separator = token.IndexOf('_', Prefix.Length);
        if (separator <= Prefix.Length || separator == token.Length - 1)
        {
            return false;
        }

        userId = token[Prefix.Length..separator];
        return true;
    }

    public static bool Matches(string token, string storedHash)
    {
        var actual = Convert.FromHexString(Hash(token));
        byte[] expected;
        try
        {
            expected = Convert.FromHexString(storedHash);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
