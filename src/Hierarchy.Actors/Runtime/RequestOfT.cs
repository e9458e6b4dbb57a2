using System.Diagnostics;

namespace Hierarchy.Actors.Runtime;

/// <summary>A call to a grain method returning <typeparamref name="TResult"/>.</summary>
internal sealed class Request<TResult>(GrainMethodInvoker<TResult> invoker, object?[]? arguments) : Request
{
    private readonly TaskCompletionSource<TResult> completion = new();
    private Task<TResult>? pending;
    private Activation? runningOn;
    private Action? onPendingCompleted;

    public Task<TResult> Task => completion.Task;

    public override string Name => invoker.Name;

    public override bool IsReadOnly => invoker.IsReadOnly;

    public override bool AlwaysInterleave => invoker.AlwaysInterleave;

    public override bool IsOneWay => invoker.IsOneWay;

    public override bool IsAnswered => completion.Task.IsCompleted;

    public override void Start(Activation activation, object grain)
    {
        ValueTask<TResult> result;
        try
        {
            result = invoker.Execute(grain, arguments);
        }
        catch (Exception e)
        {
            Finish(activation, null, e);
            return;
        }

        if (result.IsCompleted)
        {
            Finish(activation, result, null);
            return;
        }

        runningOn = activation;
        pending = result.AsTask();
        onPendingCompleted ??= OnPendingCompleted;

        // The grain's context is current here, so the continuation is posted back to the activation's turn.
        pending.GetAwaiter().UnsafeOnCompleted(onPendingCompleted);
    }

    public override bool TryFail(Exception exception)
    {
        var failed = false;
        OutsideGrainContext(e => failed = completion.TrySetException(e), exception);
        return failed;
    }

    private void OnPendingCompleted()
    {
        var task = pending!;
        Finish(runningOn!, new ValueTask<TResult>(task), null);
    }

    private void Finish(Activation activation, ValueTask<TResult>? result, Exception? thrown)
    {
        if (!MarkFinished())
        {
            return;
        }

        Exception? error = thrown;
        TResult? value = default;
        if (error is null)
        {
            try
            {
                value = result!.Value.Result;
            }
            catch (Exception e)
            {
                error = e;
            }
        }

        activation.OnRequestFinished(this, error);
        Activity?.SetStatus(error is null ? ActivityStatusCode.Ok : ActivityStatusCode.Error, error?.Message);
        Activity?.Stop();
        OutsideGrainContext(
            state =>
            {
                if (state.error is null)
                {
                    state.self.completion.TrySetResult(state.value!);
                }
                else
                {
                    state.self.completion.TrySetException(state.error);
                }
            },
            (self: this, value, error));
    }
}
