using Orleans;

namespace Hierarchy.Storage.Internal;

/// <summary>The wake-on-start mark of a state that carries one (<see cref="IWakeOnStart"/>); a state without it is never marked.</summary>
internal static class WakeMarks
{
    public static bool Of<T>(IGrainState<T> grainState) => grainState is IWakeOnStart { WakeOnStart: true };

    public static void Set<T>(IGrainState<T> grainState, bool wake)
    {
        if (grainState is IWakeOnStart state)
        {
            state.WakeOnStart = wake;
        }
    }
}
