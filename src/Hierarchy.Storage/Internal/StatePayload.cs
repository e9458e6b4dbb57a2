namespace Hierarchy.Storage.Internal;

/// <summary>
/// A serialized grain state as the backend wants it: pooled UTF-8 for SQLite, which stores UTF-8 anyway, or a
/// string for PostgreSQL, whose driver sends text parameters from strings.
/// </summary>
internal readonly struct StatePayload
{
    private readonly PooledUtf8? utf8;

    public StatePayload(string text) => Text = text;

    public StatePayload(PooledUtf8 utf8) => this.utf8 = utf8;

    public string? Text { get; }

    public PooledUtf8? Utf8 => utf8;

    public void Release() => utf8?.Return();
}
