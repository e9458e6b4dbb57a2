using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Hierarchy.Actors.Runtime;

/// <summary>A call to a grain method returning <typeparamref name="TResult"/>.</summary>
/// <remarks>
/// The caller's task comes from an embedded <see cref="AsyncTaskMethodBuilder{TResult}"/> rather than a
/// TaskCompletionSource, saving an object per call. A builder's task is made lazily and not thread-safely, hence the
/// publish protocol: the task exists before any other thread can answer, and <c>answered</c> picks one answer.
/// </remarks>
internal sealed class Request<TResult>(GrainMethodInvoker<TResult> invoker, object?[]? arguments) : Request
{
    private AsyncTaskMethodBuilder<TResult> completion;
    private ValueTask<TResult> early;
    private Task<TResult>? pending;
    private int answered;
    private bool published;
    private bool answeredEarly;

    /// <summary>The caller's task, once published; see <see cref="TryGetEarlyAnswer"/> for a request answered before that.</summary>
    public Task<TResult> Task => completion.Task;

    /// <summary>The grain's own successful result when the request completed on the caller's thread before being published.</summary>
    public bool TryGetEarlyAnswer(out ValueTask<TResult> answer)
    {
        answer = early;
        return answeredEarly;
    }

    public override string Name => invoker.Name;

    public override bool IsReadOnly => invoker.IsReadOnly;

    public override bool AlwaysInterleave => invoker.AlwaysInterleave;

    public override bool IsOneWay => invoker.IsOneWay;

    public override bool IsAnswered => Volatile.Read(ref answered) != 0;

    public override bool IsPublished => Volatile.Read(ref published);

    public override void Publish()
    {
        if (!invoker.IsOneWay)
        {
            _ = completion.Task;
        }

        Volatile.Write(ref published, true);
    }

    public override void Start(object grain)
    {
        ValueTask<TResult> result;
        try
        {
            result = invoker.Execute(grain, arguments);
        }
        catch (Exception e)
        {
            Finish(default, e);
            return;
        }

        if (result.IsCompleted)
        {
            Finish(result, null);
            return;
        }

        pending = result.AsTask();

        // The request is the current context here, so the continuation comes back as a turn of this request.
        pending.GetAwaiter().UnsafeOnCompleted(OnPendingCompleted);
    }

    public override bool TryFail(Exception exception)
    {
        if (Interlocked.Exchange(ref answered, 1) != 0)
        {
            return false;
        }

        if (!invoker.IsOneWay)
        {
            OutsideGrainContext(static s => s.Self.completion.SetException(s.Error), (Self: this, Error: exception));
        }

        return true;
    }

    private void OnPendingCompleted() => Finish(new ValueTask<TResult>(pending!), null);

    private void Finish(ValueTask<TResult> result, Exception? thrown)
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
                value = result.Result;
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

        if (Interlocked.Exchange(ref answered, 1) != 0 || invoker.IsOneWay)
        {
            return;
        }

        if (!published && error is null)
        {
            // Answered on the caller's own thread before it asked for a task: the caller gets the grain's own result,
            // which for a grain method returning Task<T> is its (already completed) task, so nothing is allocated.
            early = invoker.ReturnsTaskOfResult ? result : new ValueTask<TResult>(value!);
            answeredEarly = true;
            return;
        }

        OutsideGrainContext(
            static s =>
            {
                if (s.Error is null)
                {
                    s.Self.completion.SetResult(s.Value!);
                }
                else
                {
                    s.Self.completion.SetException(s.Error);
                }
            },
            (Self: this, Value: value, Error: error));
    }
}
