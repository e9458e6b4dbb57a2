using System.Text;

namespace Hierarchy.Storage.Internal;

/// <summary>
/// Rejects text a database cannot store before it joins a batch: a NUL character or broken UTF-16 would
/// otherwise fail the whole group commit (PostgreSQL) or be silently replaced (SQLite).
/// </summary>
internal static class TextGuard
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Check(string? value, string what)
    {
        if (value is null)
        {
            throw new ArgumentNullException(what);
        }

        if (value.Contains('\0'))
        {
            throw new ArgumentException($"The {what} contains a NUL character, which the store cannot keep.", what);
        }

        try
        {
            Strict.GetByteCount(value);
        }
        catch (EncoderFallbackException ex)
        {
            throw new ArgumentException($"The {what} is not valid UTF-16 text (an unpaired surrogate).", what, ex);
        }
    }
}
