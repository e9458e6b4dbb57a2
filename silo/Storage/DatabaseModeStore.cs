using System.Text.Json;
using Orleans;
using Orleans.Runtime;
using Hierarchy.Storage;
using Orleans.Storage;

namespace Hierarchy.Silo.Storage;

/// <summary>
/// Reads and writes the database's mode. Once imported, always imported: the demo and its simulator check this marker
/// before every write, so they never touch real data even if someone imports into a demo database while it runs.
/// </summary>
public sealed class DatabaseModeStore(SiloRecords records, TimeProvider time)
{
    public const string GrainType = "silo.system";

    private static readonly GrainId ModeId = GrainId.Create(GrainType, "mode");

    public async Task<ModeRecord> GetAsync()
    {
        var state = await records.ReadAsync<ModeRecord>(ModeId).ConfigureAwait(false);
        return state.RecordExists ? state.State : new ModeRecord { Mode = DatabaseMode.Empty };
    }

    public Task MarkDemoAsync(string scope, bool loaded, string by) => SetAsync(DatabaseMode.Demo, scope, loaded, by);

    public Task MarkImportedAsync(string by) => SetAsync(DatabaseMode.Imported, null, true, by);

    private async Task SetAsync(DatabaseMode mode, string? scope, bool loaded, string by)
    {
        for (var attempt = 0; ; attempt++)
        {
            var state = await records.ReadAsync<ModeRecord>(ModeId).ConfigureAwait(false);
            if (state.RecordExists && state.State.Mode == DatabaseMode.Imported && mode != DatabaseMode.Imported)
            {
                throw new InvalidOperationException("The database holds imported data; it cannot become a demo database.");
            }

            if (state.RecordExists && state.State.Mode == mode && state.State.Scope == scope && state.State.Loaded == loaded)
            {
                return;
            }

            state.State = new ModeRecord { Mode = mode, Scope = scope, Loaded = loaded, Since = time.GetUtcNow(), By = by };
            try
            {
                await records.WriteAndAppendAsync(ModeId, state, [new JournalEntry($"{mode}-{Guid.NewGuid():N}", "mode.set", JsonSerializer.Serialize(new { mode = mode.ToString(), scope, loaded, by }), time.GetUtcNow())]).ConfigureAwait(false);
                return;
            }
            catch (InconsistentStateException) when (attempt < 3)
            {
                // Another process set the mode at the same moment; decide again on what it wrote.
            }
        }
    }
}
