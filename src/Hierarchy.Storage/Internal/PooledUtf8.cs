using System.Buffers;
using System.Text;

namespace Hierarchy.Storage.Internal;

/// <summary>UTF-8 text in an array rented from the shared pool; whoever holds it last returns it.</summary>
internal readonly record struct PooledUtf8(byte[] Buffer, int Length)
{
    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

    public override string ToString() => Encoding.UTF8.GetString(Span);

    public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
}
