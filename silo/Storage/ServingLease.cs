using Orleans;
using Orleans.Runtime;
using Hierarchy.Storage;
using Orleans.Storage;

namespace Hierarchy.Silo.Storage;

/// <summary>
/// A heartbeat lease on the database held by the serving silo. The runtime guarantees one activation per grain only
/// within a process, so a second silo, or an import run beside a live silo, would write the same grains from two
/// places; both check this lease first and refuse with a clear message. It is also the seed of the standby design.
/// </summary>
public sealed class ServingLease(SiloRecords records, TimeProvider time)
{
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan Expiry = TimeSpan.FromSeconds(20);

    private static readonly GrainId LeaseId = GrainId.Create(DatabaseModeStore.GrainType, "lease");

    /// <summary>Who this host is: machine, process and instance (two hosts in one process, as tests run them, are two owners).</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The owner of a live lease other than this process, or null when nobody else is serving.</summary>
    public async Task<string?> HeldByOtherAsync()
    {
        var state = await records.ReadAsync<LeaseRecord>(LeaseId).ConfigureAwait(false);
        return IsLive(state) && state.State.Owner != Owner ? state.State.Owner : null;
    }

    /// <summary>Takes or renews the lease; returns the other owner instead when someone else holds a live one.</summary>
    public async Task<string?> AcquireOrRenewAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            var state = await records.ReadAsync<LeaseRecord>(LeaseId).ConfigureAwait(false);
            if (IsLive(state) && state.State.Owner != Owner)
            {
                return state.State.Owner;
            }

            state.State = new LeaseRecord { Owner = Owner, HeartbeatAt = time.GetUtcNow() };
            try
            {
                await records.WriteAsync(LeaseId, state).ConfigureAwait(false);
                return null;
            }
            catch (InconsistentStateException) when (attempt < 3)
            {
                // Raced with another process; look again at who holds it now.
            }
        }
    }

    public async Task ReleaseAsync()
    {
        var state = await records.ReadAsync<LeaseRecord>(LeaseId).ConfigureAwait(false);
        if (state.RecordExists && state.State.Owner == Owner)
        {
            state.State.Released = true;
            try
            {
                await records.WriteAsync(LeaseId, state).ConfigureAwait(false);
            }
            catch (InconsistentStateException)
            {
                // Someone took it over already; nothing to release.
            }
        }
    }

    /// <summary>
    /// Forgets whoever held the lease, live or not: for a copy of a database (a backup), which no silo serves even
    /// though the silo that served the original was heartbeating when the copy was taken.
    /// </summary>
    public async Task ForgetAsync()
    {
        var state = await records.ReadAsync<LeaseRecord>(LeaseId).ConfigureAwait(false);
        if (state.RecordExists)
        {
            await records.ClearAsync(LeaseId, state).ConfigureAwait(false);
        }
    }

    private bool IsLive(StoredGrainState<LeaseRecord> state) =>
        state.RecordExists
        && !state.State.Released
        && time.GetUtcNow() - state.State.HeartbeatAt < Expiry
        && !DiedOnThisMachine(state.State.Owner);

    /// <summary>A silo killed on this machine need not be waited out: its process is simply gone.</summary>
    private static bool DiedOnThisMachine(string owner)
    {
        var parts = owner.Split(':');
        if (parts.Length < 2 || parts[0] != Environment.MachineName || !int.TryParse(parts[1], out var pid))
        {
            return false;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
