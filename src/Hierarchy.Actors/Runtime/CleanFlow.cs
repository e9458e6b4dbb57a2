namespace Hierarchy.Actors.Runtime;

/// <summary>An execution context with no async-local values, for running grain code on a caller's thread.</summary>
internal static class CleanFlow
{
    public static ExecutionContext Context { get; } = Capture();

    private static ExecutionContext Capture()
    {
        ExecutionContext? captured = null;

        // A thread started while flow is suppressed begins with the default (empty) context.
        var flow = ExecutionContext.IsFlowSuppressed() ? default(AsyncFlowControl?) : ExecutionContext.SuppressFlow();
        try
        {
            var thread = new Thread(() => captured = ExecutionContext.Capture());
            thread.Start();
            thread.Join();
        }
        finally
        {
            flow?.Undo();
        }

        return captured!;
    }
}
