namespace Hierarchy.Silo.Hosting;

/// <summary>Whether the silo has finished its start-up work (a whole-country demo load takes a while).</summary>
public sealed class SiloReadiness
{
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => ready.Task.IsCompleted;

    public string Status { get; private set; } = "starting";

    public Task WhenReady => ready.Task;

    public void Report(string status) => Status = status;

    public void MarkReady()
    {
        Status = "ready";
        ready.TrySetResult();
    }
}
