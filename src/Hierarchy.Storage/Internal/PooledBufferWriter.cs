using System.Buffers;

namespace Hierarchy.Storage.Internal;

/// <summary>An <see cref="IBufferWriter{T}"/> over arrays rented from the shared pool, whose result can be handed over.</summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>
{
    private byte[] buffer = ArrayPool<byte>.Shared.Rent(1024);
    private int written;

    public void Advance(int count) => written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsMemory(written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsSpan(written);
    }

    /// <summary>Gives away what was written (to be returned to the pool by its new owner) and starts afresh.</summary>
    public PooledUtf8 Detach()
    {
        var result = new PooledUtf8(buffer, written);
        buffer = ArrayPool<byte>.Shared.Rent(1024);
        written = 0;
        return result;
    }

    /// <summary>Forgets what was written, keeping the buffer.</summary>
    public void Clear() => written = 0;

    private void Ensure(int sizeHint)
    {
        var needed = written + Math.Max(sizeHint, 1);
        if (needed <= buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
        buffer.AsSpan(0, written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}
