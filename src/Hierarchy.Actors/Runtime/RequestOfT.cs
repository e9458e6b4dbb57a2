using System.Diagnostics;

namespace Hierarchy.Actors.Runtime;

/// <summary>A call to a grain method returning <typeparamref name="TResult"/>.</summary>
/// <remarks>
/// The caller's completion is made only when the request is published, so a call answered on its caller's own thread
/// allocates none. It runs continuations asynchronously: an outside caller's code must never run inside a grain's
/// turn or on the thread of whoever answers (a sweep, a kill), where it could block or spin; a grain caller's
/// continuation is posted to its own activation either way.
/// </remarks>
internal sealed class Request<TResult>(GrainMethodInvoker<TResult> invoker, object?[]? arguments) : Request
{
    private TaskCompletionSource<TResult>? completion;

    // While the grain method runs asynchronously: its task. When answered early with a value: a task holding it.
    private Task<TResult>? result;

    /// <summary>The caller's task, once published; see <see cref="TryGetEarlyAnswer"/> for a request answered before that.</summary>
    public Task<TResult> Task => completion!.Task;

    public override string Name => invoker.Name;

    public override bool IsReadOnly => invoker.IsReadOnly;

    public override bool AlwaysInterleave => invoker.AlwaysInterleave;

    public override bool IsOneWay => invoker.IsOneWay;

    public override bool IsAnswered => HasFlag(AnsweredFlag);

    public override bool IsPublished => HasFlag(PublishedFlag);

    /// <summary>
    /// Whether the request completed successfully on the caller's thread before being published; then
    /// <paramref name="answer"/> is the grain's own completed task, or null for a method without a result.
    /// </summary>
    public bool TryGetEarlyAnswer(out Task<TResult>? answer)
    {
        answer = result;
        return HasFlag(AnsweredEarlyFlag);
    }

    public override void Publish()
    {
        if (!invoker.IsOneWay)
        {
            completion ??= new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        TrySetFlag(PublishedFlag);
    }

    public override void Start(object grain)
    {
        ValueTask<TResult> outcome;
        try
        {
            outcome = invoker.Execute(grain, arguments);
        }
        catch (Exception e)
        {
            Finish(default, e);
            return;
        }

        if (outcome.IsCompleted)
        {
            Finish(outcome, null);
            return;
        }

        var pending = outcome.AsTask();
        result = pending;

        // The request is the current context here, so the continuation comes back as a turn of this request.
        pending.GetAwaiter().UnsafeOnCompleted(OnPendingCompleted);
    }

    public override bool TryFail(Exception exception)
    {
        if (!TrySetFlag(AnsweredFlag))
        {
            return false;
        }

        if (!invoker.IsOneWay)
        {
            Answer(default, exception);
        }

        return true;
    }

    private void OnPendingCompleted() => Finish(new ValueTask<TResult>(result!), null);

    private void Finish(ValueTask<TResult> outcome, Exception? thrown)
    {
        if (!MarkFinished())
        {
            return;
        }

        var error = thrown;
        TResult? value = default;
        if (error is null)
        {
            try
            {
                value = outcome.Result;
            }
            catch (Exception e)
            {
                error = e;
            }
        }

        Target!.OnRequestFinished(this, error);
        if (Activity is { } activity)
        {
            activity.SetStatus(error is null ? ActivityStatusCode.Ok : ActivityStatusCode.Error, error?.Message);
            activity.Stop();
        }

        if (!TrySetFlag(AnsweredFlag) || invoker.IsOneWay)
        {
            return;
        }

        if (!IsPublished && error is null)
        {
            // Answered on the caller's own thread before it asked for a task: the caller gets the grain's own result,
            // which for a grain method returning Task<T> is its (already completed) task, so nothing is allocated;
            // a method without a result needs nothing at all.
            result = invoker.ReturnsTaskOfResult ? outcome.AsTask()
                : invoker.HasResult ? System.Threading.Tasks.Task.FromResult(value!)
                : null;
            TrySetFlag(AnsweredEarlyFlag);
            return;
        }

        Answer(value, error);
    }

    private void Answer(TResult? value, Exception? error)
    {
        if (completion is null)
        {
            // Failed on the caller's own thread before publication (a cycle, say): the caller takes the task next.
            completion = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        if (error is null)
        {
            completion.SetResult(value!);
        }
        else
        {
            completion.SetException(error);
        }
    }
}
