namespace Hierarchy.Actors.Runtime;

/// <summary>The request whose turn is running on the current logical flow; calls made from it carry it as their caller.</summary>
internal static class RuntimeContext
{
    private static readonly AsyncLocal<Request?> CurrentRequestSlot = new();

    public static Request? CurrentRequest
    {
        get => CurrentRequestSlot.Value;
        set => CurrentRequestSlot.Value = value;
    }
}
