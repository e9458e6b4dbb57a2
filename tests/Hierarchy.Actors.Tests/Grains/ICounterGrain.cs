namespace Hierarchy.Actors.Tests.Grains;

/// <summary>A counter kept in persistent state; every change is written before the call returns.</summary>
public interface ICounterGrain : IGrainWithStringKey
{
    Task<int> Increment();

    /// <summary>Increments in memory only, without writing.</summary>
    Task<int> IncrementInMemory();

    Task<int> Get();

    Task<int> ValueAtActivation();

    Task<string> Key();

    Task<string> ActivationId();

    Task Set(int value, bool wakeOnStart);

    Task Clear();

    Task<bool> RecordExists();

    /// <summary>Increments in memory, then throws synchronously.</summary>
    Task Fail(string message);

    /// <summary>Increments in memory, awaits, then throws.</summary>
    Task<int> FailLater(string message);

    Task Deactivate();
}
