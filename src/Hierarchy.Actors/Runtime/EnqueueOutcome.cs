namespace Hierarchy.Actors.Runtime;

internal enum EnqueueOutcome
{
    /// <summary>The activation has the request; it will run on the activation's turn.</summary>
    Queued,

    /// <summary>The activation was idle and admitted the request for the caller's thread to run at once.</summary>
    RunInline,

    /// <summary>The activation is gone; the caller must find the grain's next activation.</summary>
    Gone,
}
