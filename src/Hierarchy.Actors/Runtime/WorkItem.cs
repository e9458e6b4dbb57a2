namespace Hierarchy.Actors.Runtime;

/// <summary>A piece of grain code waiting for its activation's turn, with the turn it belongs to.</summary>
internal readonly record struct WorkItem(SendOrPostCallback Callback, object? State, ActivationSynchronizationContext Turn);
