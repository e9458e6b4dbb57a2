using System.Globalization;

namespace Hierarchy.Storage.Internal;

/// <summary>How instants are kept as text where the database has no timestamp type (SQLite): UTC, round-trip format.</summary>
internal static class InstantText
{
    public static string FormatInstant(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    /// <summary>The same text written into a caller's buffer, for the writer loop, which formats one per journal row.</summary>
    public static ReadOnlySpan<char> FormatInstant(DateTimeOffset value, Span<char> buffer) =>
        value.ToUniversalTime().TryFormat(buffer, out var written, "O", CultureInfo.InvariantCulture)
            ? buffer[..written]
            : throw new FormatException("An instant did not fit its buffer.");

    public static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);
}
