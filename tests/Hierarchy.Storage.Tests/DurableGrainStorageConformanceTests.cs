using Hierarchy.TestSupport;
using Orleans.Storage;

namespace Hierarchy.Storage.Tests;

/// <summary>What a store on disk must add to the shared semantics: everything acknowledged survives a restart.</summary>
public abstract class DurableGrainStorageConformanceTests : GrainStorageConformanceTests
{
    [ConformanceFact]
    public async Task State_journal_and_wake_list_survive_closing_and_reopening_the_store()
    {
        var grain = Grain("persisted");
        var state = NewState(3, "ba");
        state.WakeOnStart = true;
        await Storage.WriteStateAndAppendAsync(StateName, grain, state, [Entry("p1"), Entry("p2", "correction")]);
        var stale = new StoredGrainState<TestState>(new TestState()) { ETag = state.ETag, RecordExists = true };
        state.State.Count = 4;
        await Storage.WriteStateAndAppendAsync(StateName, grain, state, [Entry("p3")]);

        var store = await ReopenAsync();

        var read = await ReadAsync(grain);
        Assert.True(read.RecordExists);
        Assert.Equal(4, read.State.Count);
        Assert.Equal("ba", read.State.Text);
        Assert.Equal(state.ETag, read.ETag);
        Assert.True(read.WakeOnStart);
        Assert.Equal(["p1", "p2", "p3"], (await store.ReadJournalAsync(grain)).Select(e => e.Key));
        Assert.Equal([grain], await store.ReadWakeListAsync());

        // ETags keep working across the restart: the stale one is still stale, the current one still writes,
        // and journal keys from before the restart are still taken.
        await Assert.ThrowsAsync<InconsistentStateException>(() => store.WriteStateAsync(StateName, grain, stale));
        await Assert.ThrowsAsync<DuplicateJournalEntryException>(() => store.WriteStateAndAppendAsync(StateName, grain, read, [Entry("p1")]));
        read.State.Count = 5;
        await store.WriteStateAndAppendAsync(StateName, grain, read, [Entry("p4")]);
        Assert.NotEqual(state.ETag, read.ETag);
        var journal = await store.ReadJournalAsync(grain);
        Assert.Equal(["p1", "p2", "p3", "p4"], journal.Select(e => e.Key));
        Assert.True(journal[2].Sequence < journal[3].Sequence);
    }

    [ConformanceFact]
    public async Task Disposing_the_store_commits_the_writes_already_queued()
    {
        var pending = Enumerable.Range(0, 500)
            .Select(i => Storage.WriteStateAndAppendAsync(StateName, Grain($"queued-{i}"), NewState(i), [Entry($"q-{i}")]))
            .ToList();

        await DisposeStorageAsync(Storage);
        await Task.WhenAll(pending);

        var store = await ReopenAsync();
        for (var i = 0; i < 500; i++)
        {
            Assert.Equal(i, (await ReadAsync(Grain($"queued-{i}"))).State.Count);
        }

        Assert.Equal(500, (await ToListAsync(store.ReadAllJournalAsync(BranchType))).Count);
    }

    [ConformanceFact]
    public async Task A_disposed_store_refuses_new_writes()
    {
        await DisposeStorageAsync(Storage);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Storage.WriteStateAsync(StateName, Grain("late"), NewState()));
        await ReopenAsync();
        Assert.False((await ReadAsync(Grain("late"))).RecordExists);
    }
}
