namespace Hierarchy.Actors.Runtime;

/// <summary>Turns void-returning grain methods into ValueTask&lt;object?&gt; without allocating when they complete synchronously.</summary>
internal static class TaskAdapters
{
    public static ValueTask<object?> FromTask(Task task) =>
        task.IsCompletedSuccessfully ? new ValueTask<object?>((object?)null) : AwaitTask(task);

    public static ValueTask<object?> FromValueTask(ValueTask task) =>
        task.IsCompletedSuccessfully ? new ValueTask<object?>((object?)null) : AwaitValueTask(task);

    private static async ValueTask<object?> AwaitTask(Task task)
    {
        await task.ConfigureAwait(false);
        return null;
    }

    private static async ValueTask<object?> AwaitValueTask(ValueTask task)
    {
        await task.ConfigureAwait(false);
        return null;
    }
}
