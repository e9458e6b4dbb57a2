namespace Hierarchy.Storage.Internal;

/// <summary>
/// Issues new ETags. A value is never lower than the clock in ticks and always above the ETag it replaces,
/// so a record that is cleared and created again never gets back an ETag a stale writer may still hold.
/// Used only by the single writer loop of a store.
/// </summary>
internal sealed class ETagGenerator
{
    private long last;

    public long Next(long? replacing)
    {
        var next = Math.Max(DateTime.UtcNow.Ticks, last + 1);
        if (replacing is { } previous && previous >= next)
        {
            next = previous + 1;
        }

        last = next;
        return next;
    }
}
