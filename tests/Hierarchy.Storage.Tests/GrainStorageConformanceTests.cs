using System.Text;
using Hierarchy.TestSupport;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace Hierarchy.Storage.Tests;

/// <summary>
/// What every grain storage provider must do, run against each of them by a derived class: the memory store is
/// the reference, and the relational stores must be indistinguishable from it.
/// </summary>
public abstract class GrainStorageConformanceTests : IAsyncLifetime
{
    protected const string StateName = "state";
    protected const string BranchType = "branch";

    // Microsecond precision (PostgreSQL's) and a non-UTC offset: stores keep the instant, not the offset.
    protected static readonly DateTimeOffset RecordedAt = new DateTimeOffset(2025, 3, 1, 8, 30, 15, TimeSpan.FromHours(7)).AddTicks(1_234_560);

    private IJournalStorage? storage;

    protected IJournalStorage Storage => storage ?? throw new InvalidOperationException("The store has not been created.");

    public virtual async Task InitializeAsync() => storage = await CreateStorageAsync();

    public virtual async Task DisposeAsync()
    {
        await DisposeStorageAsync(storage);
        storage = null;
    }

    /// <summary>Creates a store over an empty database, or over the same database again after <see cref="ReopenAsync"/>.</summary>
    protected abstract Task<IJournalStorage> CreateStorageAsync();

    /// <summary>Closes the store and opens a new one over the same data (the memory store has nothing to reopen).</summary>
    protected virtual async Task<IJournalStorage> ReopenAsync()
    {
        await DisposeStorageAsync(storage);
        storage = await CreateStorageAsync();
        return storage;
    }

    protected static GrainId Grain(string key, string type = BranchType) => GrainId.Create(type, key);

    protected static JournalEntry Entry(string key, string kind = "admission", string? payload = null) =>
        new(key, kind, payload ?? $$"""{"key":"{{key}}","count":1}""", RecordedAt);

    protected static StoredGrainState<TestState> NewState(int count = 0, string text = "") =>
        new(new TestState { Count = count, Text = text }) { };

    protected async Task<StoredGrainState<TestState>> ReadAsync(GrainId grain, string stateName = StateName)
    {
        var state = new StoredGrainState<TestState>(new TestState { Count = -1 });
        await Storage.ReadStateAsync(stateName, grain, state);
        return state;
    }

    protected static async Task DisposeStorageAsync(IJournalStorage? store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    [ConformanceFact]
    public async Task Reading_a_missing_record_gives_defaults_and_no_record()
    {
        var state = await ReadAsync(Grain("missing"));

        Assert.NotNull(state.State);
        Assert.Equal(0, state.State.Count);
        Assert.Equal("", state.State.Text);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.False(state.WakeOnStart);
    }

    [ConformanceFact]
    public async Task A_written_state_reads_back_with_its_etag()
    {
        var grain = Grain("b-1");
        var state = NewState(5, "five");
        state.State.Items.Add("a");
        state.State.Items.Add("b");

        await Storage.WriteStateAsync(StateName, grain, state);
        Assert.NotNull(state.ETag);
        Assert.True(state.RecordExists);

        var read = await ReadAsync(grain);
        Assert.True(read.RecordExists);
        Assert.Equal(state.ETag, read.ETag);
        Assert.Equal(5, read.State.Count);
        Assert.Equal("five", read.State.Text);
        Assert.Equal(["a", "b"], read.State.Items);

        var before = state.ETag;
        state.State.Count = 6;
        await Storage.WriteStateAsync(StateName, grain, state);
        Assert.NotEqual(before, state.ETag);
        Assert.Equal(6, (await ReadAsync(grain)).State.Count);
    }

    [ConformanceFact]
    public async Task Two_writers_from_the_same_read_the_second_is_refused_and_overwrites_nothing()
    {
        var grain = Grain("contended");

        // Both believe no record exists.
        var first = await ReadAsync(grain);
        var second = await ReadAsync(grain);
        first.State.Count = 1;
        second.State.Count = 2;
        await Storage.WriteStateAsync(StateName, grain, first);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, second));
        Assert.Equal(1, (await ReadAsync(grain)).State.Count);

        // Both read the same version.
        var third = await ReadAsync(grain);
        var fourth = await ReadAsync(grain);
        third.State.Count = 3;
        fourth.State.Count = 4;
        await Storage.WriteStateAsync(StateName, grain, third);
        var stale = fourth.ETag;
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, fourth));
        Assert.Equal(stale, fourth.ETag);
        Assert.Equal(third.ETag, error.StoredEtag);

        var final = await ReadAsync(grain);
        Assert.Equal(3, final.State.Count);
        Assert.Equal(third.ETag, final.ETag);
    }

    [ConformanceFact]
    public async Task A_write_without_etag_is_refused_when_a_record_exists()
    {
        var grain = Grain("exists");
        await Storage.WriteStateAsync(StateName, grain, NewState(1));

        var blind = NewState(99);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, blind));

        Assert.Null(blind.ETag);
        Assert.Equal(1, (await ReadAsync(grain)).State.Count);
    }

    [ConformanceFact]
    public async Task A_write_with_an_etag_is_refused_when_the_record_is_absent()
    {
        var grain = Grain("absent");
        var made_up = NewState(1);
        made_up.ETag = "12345";
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, made_up));
        Assert.False((await ReadAsync(grain)).RecordExists);

        // The ETag of a record that has since been cleared is no better.
        var state = NewState(2);
        await Storage.WriteStateAsync(StateName, grain, state);
        var old = new StoredGrainState<TestState>(new TestState { Count = 3 }) { ETag = state.ETag, RecordExists = true };
        await Storage.ClearStateAsync(StateName, grain, state);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, old));
        Assert.False((await ReadAsync(grain)).RecordExists);

        var garbage = NewState(4);
        garbage.ETag = "not-an-etag";
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, garbage));
    }

    [ConformanceFact]
    public async Task Clear_deletes_the_record_and_checks_the_etag()
    {
        var grain = Grain("cleared");
        var state = NewState(7);
        state.WakeOnStart = true;
        await Storage.WriteStateAsync(StateName, grain, state);

        var stale = new StoredGrainState<TestState>(new TestState()) { ETag = state.ETag, RecordExists = true };
        state.State.Count = 8;
        await Storage.WriteStateAsync(StateName, grain, state);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, grain, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, grain, NewState()));
        Assert.Equal(8, (await ReadAsync(grain)).State.Count);

        await Storage.ClearStateAsync(StateName, grain, state);
        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.False(state.WakeOnStart);
        Assert.Equal(0, state.State.Count);

        var read = await ReadAsync(grain);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.DoesNotContain(grain, await Storage.ReadWakeListAsync());

        // Clearing what is not there, knowingly, is fine; and the grain can start again from nothing.
        await Storage.ClearStateAsync(StateName, grain, NewState());
        var again = NewState(1);
        await Storage.WriteStateAsync(StateName, grain, again);
        Assert.Equal(1, (await ReadAsync(grain)).State.Count);
    }

    [ConformanceFact]
    public async Task Keys_are_compared_exactly()
    {
        // Orleans' ADO.NET storage once hashed keys and compared numbers; here "01", "1" and "001" are three grains.
        foreach (var (key, count) in new[] { ("1", 1), ("01", 2), ("001", 3) })
        {
            await Storage.WriteStateAsync(StateName, Grain(key), NewState(count));
        }

        Assert.Equal(1, (await ReadAsync(Grain("1"))).State.Count);
        Assert.Equal(2, (await ReadAsync(Grain("01"))).State.Count);
        Assert.Equal(3, (await ReadAsync(Grain("001"))).State.Count);
        Assert.False((await ReadAsync(Grain("0001"))).RecordExists);

        // The same key under two grain types is two records (another Orleans pitfall), with separate journals.
        await Storage.WriteStateAndAppendAsync(StateName, Grain("42", "ward"), NewState(10), [Entry("x")]);
        await Storage.WriteStateAndAppendAsync(StateName, Grain("42", "district"), NewState(20), [Entry("x")]);
        Assert.Equal(10, (await ReadAsync(Grain("42", "ward"))).State.Count);
        Assert.Equal(20, (await ReadAsync(Grain("42", "district"))).State.Count);
        Assert.Single(await Storage.ReadJournalAsync(Grain("42", "ward")));
        Assert.Single(await Storage.ReadJournalAsync(Grain("42", "district")));

        // And one grain may keep several named states.
        await Storage.WriteStateAsync("quota", Grain("42", "ward"), NewState(30));
        Assert.Equal(10, (await ReadAsync(Grain("42", "ward"))).State.Count);
        Assert.Equal(30, (await ReadAsync(Grain("42", "ward"), "quota")).State.Count);

        // Case and surrounding spaces matter too.
        await Storage.WriteStateAsync(StateName, Grain("Abc"), NewState(40));
        Assert.False((await ReadAsync(Grain("abc"))).RecordExists);
        Assert.False((await ReadAsync(Grain("Abc "))).RecordExists);
    }

    [ConformanceFact]
    public async Task Unicode_keys_and_payloads_round_trip_and_nfc_and_nfd_are_different_keys()
    {
        var nfc = "Chi bộ Thôn Đông Hưng — Xã Phước Lộc".Normalize(NormalizationForm.FormC);
        var nfd = nfc.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(nfc, nfd);

        var text = "Đảng ủy xã Phước Lộc: kết nạp đảng viên mới, chỉ tiêu năm 2025 ✓";
        await Storage.WriteStateAndAppendAsync(StateName, Grain(nfc), NewState(1, text), [Entry("kết-nạp-1", "kết nạp", """{"tên":"Nguyễn Thị Ánh"}""")]);
        await Storage.WriteStateAsync(StateName, Grain(nfd), NewState(2, "NFD"));

        var composed = await ReadAsync(Grain(nfc));
        var decomposed = await ReadAsync(Grain(nfd));
        Assert.Equal(1, composed.State.Count);
        Assert.Equal(text, composed.State.Text);
        Assert.Equal(2, decomposed.State.Count);

        var journal = await Storage.ReadJournalAsync(Grain(nfc));
        var entry = Assert.Single(journal);
        Assert.Equal("kết-nạp-1", entry.Key);
        Assert.Equal("kết nạp", entry.Kind);
        Assert.Equal("""{"tên":"Nguyễn Thị Ánh"}""", entry.Payload);
        Assert.Empty(await Storage.ReadJournalAsync(Grain(nfd)));
        Assert.Single(await Storage.ReadJournalAsync(Grain(nfc), "kết nạp"));
        Assert.Empty(await Storage.ReadJournalAsync(Grain(nfc), "kết nạp".Normalize(NormalizationForm.FormD)));
    }

    [ConformanceFact]
    public async Task A_write_with_a_stale_etag_appends_nothing()
    {
        var grain = Grain("stale-append");
        var current = NewState(1);
        await Storage.WriteStateAndAppendAsync(StateName, grain, current, [Entry("a")]);
        var stale = new StoredGrainState<TestState>(new TestState { Count = 100 }) { ETag = current.ETag, RecordExists = true };
        current.State.Count = 2;
        await Storage.WriteStateAndAppendAsync(StateName, grain, current, [Entry("b")]);

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            Storage.WriteStateAndAppendAsync(StateName, grain, stale, [Entry("c"), Entry("d")]));

        Assert.Equal(["a", "b"], (await Storage.ReadJournalAsync(grain)).Select(e => e.Key));
        Assert.Equal(2, (await ReadAsync(grain)).State.Count);

        // A stale writer that also repeats a key is told it is stale: the ETag is checked first.
        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            Storage.WriteStateAndAppendAsync(StateName, grain, stale, [Entry("a")]));
    }

    [ConformanceFact]
    public async Task A_duplicate_entry_key_appends_nothing_and_leaves_the_state_unchanged()
    {
        var grain = Grain("dup");
        var state = NewState(1);
        await Storage.WriteStateAndAppendAsync(StateName, grain, state, [Entry("a")]);
        var etag = state.ETag;

        state.State.Count = 2;
        var error = await Assert.ThrowsAsync<DuplicateJournalEntryException>(() =>
            Storage.WriteStateAndAppendAsync(StateName, grain, state, [Entry("b"), Entry("a"), Entry("c")]));
        Assert.Equal("a", error.Key);
        Assert.Equal("branch/dup", error.Grain);
        Assert.Equal(etag, state.ETag);

        // A key repeated within one write is a duplicate as well.
        await Assert.ThrowsAsync<DuplicateJournalEntryException>(() =>
            Storage.WriteStateAndAppendAsync(StateName, grain, state, [Entry("d"), Entry("d")]));

        var read = await ReadAsync(grain);
        Assert.Equal(1, read.State.Count);
        Assert.Equal(etag, read.ETag);
        Assert.Equal(["a"], (await Storage.ReadJournalAsync(grain)).Select(e => e.Key));

        // Nothing was held back: the same ETag still writes, and the refused keys are free.
        await Storage.WriteStateAndAppendAsync(StateName, grain, state, [Entry("b"), Entry("c"), Entry("d")]);
        Assert.Equal(["a", "b", "c", "d"], (await Storage.ReadJournalAsync(grain)).Select(e => e.Key));
        Assert.Equal(2, (await ReadAsync(grain)).State.Count);

        // The same entry key in another grain is no duplicate.
        await Storage.WriteStateAndAppendAsync(StateName, Grain("dup-2"), NewState(), [Entry("a")]);
    }

    [ConformanceFact]
    public async Task Append_only_keeps_state_and_etag_checks_the_etag_and_refuses_duplicates()
    {
        var grain = Grain("append-only");
        var state = NewState(1);
        await Storage.WriteStateAndAppendAsync(StateName, grain, state, [Entry("a")]);
        var etag = state.ETag;

        // The in-memory state has moved on, but an append does not write it.
        state.State.Count = 5;
        await Storage.AppendAsync(StateName, grain, state, [Entry("b"), Entry("c")]);
        Assert.Equal(etag, state.ETag);
        var read = await ReadAsync(grain);
        Assert.Equal(1, read.State.Count);
        Assert.Equal(etag, read.ETag);
        Assert.Equal(["a", "b", "c"], (await Storage.ReadJournalAsync(grain)).Select(e => e.Key));

        var error = await Assert.ThrowsAsync<DuplicateJournalEntryException>(() => Storage.AppendAsync(StateName, grain, state, [Entry("d"), Entry("b")]));
        Assert.Equal("b", error.Key);
        await Assert.ThrowsAsync<DuplicateJournalEntryException>(() => Storage.AppendAsync(StateName, grain, state, [Entry("e"), Entry("e")]));
        Assert.Equal(["a", "b", "c"], (await Storage.ReadJournalAsync(grain)).Select(e => e.Key));

        // After an append the same ETag still writes the state.
        await Storage.WriteStateAndAppendAsync(StateName, grain, state, [Entry("d")]);
        Assert.Equal(5, (await ReadAsync(grain)).State.Count);

        var stale = new StoredGrainState<TestState>(new TestState { Count = 9 }) { ETag = etag, RecordExists = true };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.AppendAsync(StateName, grain, stale, [Entry("f")]));
        var absent = NewState();
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.AppendAsync(StateName, grain, absent, [Entry("g")]));
        Assert.Equal(["a", "b", "c", "d"], (await Storage.ReadJournalAsync(grain)).Select(e => e.Key));
    }

    [ConformanceFact]
    public async Task Append_only_marks_the_record_to_wake_when_asked_and_never_clears_the_mark()
    {
        var grain = Grain("append-wake");
        var state = NewState(1);
        await Storage.WriteStateAsync(StateName, grain, state);

        await Storage.AppendAsync(StateName, grain, state, [Entry("a")]);
        Assert.Empty(await Storage.ReadWakeListAsync());

        state.WakeOnStart = true;
        await Storage.AppendAsync(StateName, grain, state, [Entry("b")]);
        Assert.Equal([grain], await Storage.ReadWakeListAsync());
        Assert.True((await ReadAsync(grain)).WakeOnStart);

        state.WakeOnStart = false;
        await Storage.AppendAsync(StateName, grain, state, [Entry("c")]);
        Assert.Equal([grain], await Storage.ReadWakeListAsync());

        // Only a write of the state clears it.
        await Storage.WriteStateAsync(StateName, grain, state);
        Assert.Empty(await Storage.ReadWakeListAsync());
        Assert.Equal(1, (await ReadAsync(grain)).State.Count);
    }

    [ConformanceFact]
    public async Task Append_only_to_a_grain_without_a_record_appends_and_creates_no_record()
    {
        // A grain that lives on its journal alone may append before it ever writes its state: no record exists
        // and none is expected, so the check passes, but there is no record to hold a wake mark either.
        var grain = Grain("journal-only");
        var state = NewState(5);
        state.WakeOnStart = true;
        await Storage.AppendAsync(StateName, grain, state, [Entry("a"), Entry("b")]);

        Assert.Null(state.ETag);
        Assert.Equal(["a", "b"], (await Storage.ReadJournalAsync(grain)).Select(e => e.Key));
        var read = await ReadAsync(grain);
        Assert.False(read.RecordExists);
        Assert.Equal(0, read.State.Count);
        Assert.Empty(await Storage.ReadWakeListAsync());

        // Its first state write still expects no record, and its journal keys are still taken.
        await Assert.ThrowsAsync<DuplicateJournalEntryException>(() => Storage.AppendAsync(StateName, grain, state, [Entry("a")]));
        await Storage.WriteStateAndAppendAsync(StateName, grain, state, [Entry("c")]);
        Assert.Equal(5, (await ReadAsync(grain)).State.Count);
        Assert.Equal(["a", "b", "c"], (await Storage.ReadJournalAsync(grain)).Select(e => e.Key));
    }

    [ConformanceFact]
    public async Task The_journal_keeps_append_order_and_filters_by_kind()
    {
        var grain = Grain("ordered");
        var state = NewState();
        var kinds = new[] { "admission", "correction", "admission", "quota", "admission" };
        for (var i = 0; i < kinds.Length; i++)
        {
            state.State.Count = i;
            await Storage.WriteStateAndAppendAsync(StateName, grain, state, [Entry($"e{i}", kinds[i])]);
        }

        await Storage.WriteStateAndAppendAsync(StateName, grain, state, [Entry("z", "admission"), Entry("y", "correction"), Entry("x", "admission")]);

        var all = await Storage.ReadJournalAsync(grain);
        Assert.Equal(["e0", "e1", "e2", "e3", "e4", "z", "y", "x"], all.Select(e => e.Key));
        Assert.True(all.Zip(all.Skip(1)).All(pair => pair.First.Sequence < pair.Second.Sequence));
        Assert.All(all, e => Assert.Equal(RecordedAt, e.RecordedAt));
        Assert.Equal("""{"key":"e3","count":1}""", all[3].Payload);

        Assert.Equal(["e0", "e2", "e4", "z", "x"], (await Storage.ReadJournalAsync(grain, "admission")).Select(e => e.Key));
        Assert.Equal(["e1", "y"], (await Storage.ReadJournalAsync(grain, "correction")).Select(e => e.Key));
        Assert.Empty(await Storage.ReadJournalAsync(grain, "none"));
        Assert.Empty(await Storage.ReadJournalAsync(Grain("never-written")));

        // Writing state alone appends nothing.
        await Storage.WriteStateAsync(StateName, grain, state);
        Assert.Equal(8, (await Storage.ReadJournalAsync(grain)).Count);
    }

    [ConformanceFact]
    public async Task Reading_the_whole_journal_of_a_grain_type_streams_it_in_order()
    {
        var one = NewState();
        var two = NewState();
        var other = NewState();
        await Storage.WriteStateAndAppendAsync(StateName, Grain("1"), one, [Entry("a", "admission")]);
        await Storage.WriteStateAndAppendAsync(StateName, Grain("2"), two, [Entry("b", "correction")]);
        await Storage.WriteStateAndAppendAsync(StateName, Grain("1", "ward"), other, [Entry("c", "admission")]);
        await Storage.WriteStateAndAppendAsync(StateName, Grain("1"), one, [Entry("d", "admission"), Entry("e", "admission")]);
        await Storage.WriteStateAndAppendAsync(StateName, Grain("2"), two, [Entry("f", "admission")]);

        var all = await ToListAsync(Storage.ReadAllJournalAsync(BranchType));
        Assert.Equal(
            [("1", "a"), ("2", "b"), ("1", "d"), ("1", "e"), ("2", "f")],
            all.Select(x => (x.GrainId.Key.ToString(), x.Entry.Key)));
        Assert.All(all, x => Assert.Equal(BranchType, x.GrainId.Type.ToString()));
        Assert.True(all.Zip(all.Skip(1)).All(pair => pair.First.Entry.Sequence < pair.Second.Entry.Sequence));

        var admissions = await ToListAsync(Storage.ReadAllJournalAsync(BranchType, "admission"));
        Assert.Equal(["a", "d", "e", "f"], admissions.Select(x => x.Entry.Key));
        Assert.Single(await ToListAsync(Storage.ReadAllJournalAsync("ward")));
        Assert.Empty(await ToListAsync(Storage.ReadAllJournalAsync("province")));

        // A reader may stop early.
        await foreach (var item in Storage.ReadAllJournalAsync(BranchType))
        {
            Assert.Equal("a", item.Entry.Key);
            break;
        }
    }

    [ConformanceFact]
    public async Task The_wake_list_holds_the_grains_whose_last_write_asked_for_it()
    {
        var awake = NewState();
        awake.WakeOnStart = true;
        await Storage.WriteStateAsync(StateName, Grain("awake"), awake);

        var twice = NewState();
        twice.WakeOnStart = true;
        await Storage.WriteStateAsync(StateName, Grain("twice"), twice);
        var twiceQuota = NewState();
        twiceQuota.WakeOnStart = true;
        await Storage.WriteStateAsync("quota", Grain("twice"), twiceQuota);

        await Storage.WriteStateAsync(StateName, Grain("asleep"), NewState());

        var later = NewState();
        later.WakeOnStart = true;
        await Storage.WriteStateAsync(StateName, Grain("later", "ward"), later);
        later.WakeOnStart = false;
        await Storage.WriteStateAsync(StateName, Grain("later", "ward"), later);

        var list = await Storage.ReadWakeListAsync();
        Assert.Equal(
            [Grain("awake"), Grain("twice")],
            list.OrderBy(g => g.Key.ToString(), StringComparer.Ordinal));

        var read = await ReadAsync(Grain("awake"));
        Assert.True(read.WakeOnStart);
        Assert.False((await ReadAsync(Grain("asleep"))).WakeOnStart);
    }

    [ConformanceFact]
    public async Task A_state_without_the_wake_mark_is_read_and_written_and_never_marked()
    {
        // Orleans' own GrainState<T> (what [PersistentState] hands the store) has no IWakeOnStart: it must work
        // unchanged, and a write of it asks for no wake-up.
        var grain = Grain("plain");
        var plain = new GrainState<TestState>(new TestState { Count = 1 });
        await Storage.WriteStateAndAppendAsync(StateName, grain, plain, [Entry("a")]);
        Assert.True(plain.RecordExists);
        Assert.Empty(await Storage.ReadWakeListAsync());

        var read = new GrainState<TestState>(new TestState { Count = -1 });
        await Storage.ReadStateAsync(StateName, grain, read);
        Assert.True(read.RecordExists);
        Assert.Equal(plain.ETag, read.ETag);
        Assert.NotNull(read.State);
        Assert.Equal(1, read.State.Count);

        // A record marked by a state that has the mark is unmarked by the next plain write, which did not ask for it,
        // and a plain append leaves the mark as it is.
        var marked = await ReadAsync(grain);
        marked.WakeOnStart = true;
        await Storage.WriteStateAsync(StateName, grain, marked);
        Assert.Equal([grain], await Storage.ReadWakeListAsync());
        var plainAgain = new GrainState<TestState>(new TestState { Count = 2 }) { ETag = marked.ETag, RecordExists = true };
        await Storage.AppendAsync(StateName, grain, plainAgain, [Entry("b")]);
        Assert.Equal([grain], await Storage.ReadWakeListAsync());
        await Storage.WriteStateAsync(StateName, grain, plainAgain);
        Assert.Empty(await Storage.ReadWakeListAsync());
        Assert.False((await ReadAsync(grain)).WakeOnStart);

        await Storage.ClearStateAsync(StateName, grain, plainAgain);
        Assert.False(plainAgain.RecordExists);
        Assert.Null(plainAgain.ETag);
        Assert.Equal(["a", "b"], (await Storage.ReadJournalAsync(grain)).Select(e => e.Key));
    }

    [ConformanceFact]
    public async Task Concurrent_writers_lose_nothing()
    {
        const int grains = 200;
        const int writesPerGrain = 10;
        var states = new StoredGrainState<TestState>[grains];

        // 2,000 writes in flight from 200 grains at once; each grain's own writes follow one another, as in a grain.
        await Task.WhenAll(Enumerable.Range(0, grains).Select(async g =>
        {
            await Task.Yield();
            var state = NewState();
            states[g] = state;
            for (var i = 0; i < writesPerGrain; i++)
            {
                state.State.Count++;
                state.State.Items.Add($"w{i}");
                await Storage.WriteStateAndAppendAsync(StateName, Grain($"c-{g}"), state, [Entry($"c-{g}-{i}")]);
            }
        }));

        var etags = new HashSet<string>();
        for (var g = 0; g < grains; g++)
        {
            var read = await ReadAsync(Grain($"c-{g}"));
            Assert.Equal(writesPerGrain, read.State.Count);
            Assert.Equal(writesPerGrain, read.State.Items.Count);
            Assert.Equal(states[g].ETag, read.ETag);
            Assert.True(etags.Add(read.ETag!));
            var journal = await Storage.ReadJournalAsync(Grain($"c-{g}"));
            Assert.Equal(Enumerable.Range(0, writesPerGrain).Select(i => $"c-{g}-{i}"), journal.Select(e => e.Key));
        }

        var all = await ToListAsync(Storage.ReadAllJournalAsync(BranchType));
        Assert.Equal(grains * writesPerGrain, all.Count);
        Assert.Equal(grains * writesPerGrain, all.Select(x => x.Entry.Sequence).Distinct().Count());
    }

    [ConformanceFact]
    public async Task One_bad_write_among_many_fails_alone_and_leaves_nothing()
    {
        var staleGrain = Grain("bad-stale");
        var current = NewState(1);
        await Storage.WriteStateAndAppendAsync(StateName, staleGrain, current, [Entry("s0")]);
        var stale = new StoredGrainState<TestState>(new TestState { Count = 999 }) { ETag = current.ETag, RecordExists = true };
        current.State.Count = 2;
        await Storage.WriteStateAsync(StateName, staleGrain, current);

        var dupGrain = Grain("bad-dup");
        var dupState = NewState(1);
        await Storage.WriteStateAndAppendAsync(StateName, dupGrain, dupState, [Entry("k1")]);
        var dupETag = dupState.ETag;
        dupState.State.Count = 999;

        // Everything is queued before any of it is awaited, so the bad writes share commits with good ones.
        var good = new List<Task>();
        for (var i = 0; i < 300; i++)
        {
            good.Add(Storage.WriteStateAndAppendAsync(StateName, Grain($"good-{i}"), NewState(i), [Entry($"g-{i}")]));
            if (i == 150)
            {
                good.Add(Assert.ThrowsAsync<InconsistentStateException>(() =>
                    Storage.WriteStateAndAppendAsync(StateName, staleGrain, stale, [Entry("s1")])));
                good.Add(Assert.ThrowsAsync<DuplicateJournalEntryException>(() =>
                    Storage.WriteStateAndAppendAsync(StateName, dupGrain, dupState, [Entry("k2"), Entry("k1")])));
            }
        }

        await Task.WhenAll(good);

        var store = await ReopenAsync();
        for (var i = 0; i < 300; i++)
        {
            var read = await ReadAsync(Grain($"good-{i}"));
            Assert.True(read.RecordExists);
            Assert.Equal(i, read.State.Count);
            Assert.Equal([$"g-{i}"], (await store.ReadJournalAsync(Grain($"good-{i}"))).Select(e => e.Key));
        }

        var staleRead = await ReadAsync(staleGrain);
        Assert.Equal(2, staleRead.State.Count);
        Assert.Equal(current.ETag, staleRead.ETag);
        Assert.Equal(["s0"], (await store.ReadJournalAsync(staleGrain)).Select(e => e.Key));

        var dupRead = await ReadAsync(dupGrain);
        Assert.Equal(1, dupRead.State.Count);
        Assert.Equal(dupETag, dupRead.ETag);
        Assert.Equal(["k1"], (await store.ReadJournalAsync(dupGrain)).Select(e => e.Key));
    }

    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
