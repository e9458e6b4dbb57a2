using System.Globalization;

namespace Hierarchy.Actors.AdoNet.Internal;

/// <summary>How instants are kept as text where the database has no timestamp type (SQLite): UTC, round-trip format.</summary>
internal static class InstantText
{
    public static string FormatInstant(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);
}
