namespace Hierarchy.Actors.Runtime;

/// <summary>A request that does nothing but make sure its grain is activated.</summary>
internal sealed class WakeRequest : Request
{
    private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Task => completion.Task;

    public override string Name => "Wake";

    public override bool IsReadOnly => true;

    public override bool IsAnswered => completion.Task.IsCompleted;

    public override void Start(object grain)
    {
        MarkFinished();
        Target!.OnRequestFinished(this, null);
        completion.TrySetResult();
    }

    public override bool TryFail(Exception exception) => completion.TrySetException(exception);
}
