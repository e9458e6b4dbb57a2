using System.Buffers;
using System.Text;
using Hierarchy.Storage.Internal;

namespace Hierarchy.Storage.Tests;

/// <summary>
/// A batch whose commit fails: every write in it must fail and none may be visible afterwards, and the writer
/// must carry on with the next batch. Run against each relational backend.
/// </summary>
internal static class CommitFailureScenario
{
    public static async Task RunAsync(IStorageBackend backend, bool utf8)
    {
        await backend.MigrateAsync(CancellationToken.None);
        var writer = new FailingCommitWriter(backend.CreateWriter()) { FailNextCommit = true };

        // The loop waits for the "schema" before each batch; holding it back until everything is queued puts
        // all the writes into the one failing commit.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var queue = new GroupCommitQueue(writer, maxBatchSize: 4096, backend.ProviderName, () => gate.Task);
        await using (queue)
        {
            var doomed = Enumerable.Range(0, 50).Select(i => queue.EnqueueAsync(Write($"doomed-{i}", utf8))).ToList();
            gate.SetResult();
            foreach (var task in doomed)
            {
                var error = await Assert.ThrowsAnyAsync<Exception>(() => task);
                Assert.Equal("Injected commit failure.", error.Message);
            }

            for (var i = 0; i < 50; i++)
            {
                Assert.Null(await backend.ReadStateAsync("branch", "state", $"doomed-{i}", CancellationToken.None));
                Assert.Empty(await backend.ReadJournalAsync(new StoredGrainId("branch", $"doomed-{i}"), null, CancellationToken.None));
            }

            // The next batch goes through on a fresh transaction.
            await queue.EnqueueAsync(Write("after", utf8));
            Assert.NotNull(await backend.ReadStateAsync("branch", "state", "after", CancellationToken.None));
            Assert.Single(await backend.ReadJournalAsync(new StoredGrainId("branch", "after"), null, CancellationToken.None));
        }

        await backend.DisposeAsync();
    }

    /// <summary>
    /// A write the server itself rejects (text with a NUL, which the store's own checks would have stopped
    /// earlier) fails its whole batch on the server: the pipelined COMMIT must not commit the others.
    /// </summary>
    public static async Task RunServerRejectionAsync(IStorageBackend backend)
    {
        await backend.MigrateAsync(CancellationToken.None);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var queue = new GroupCommitQueue(backend.CreateWriter(), maxBatchSize: 4096, backend.ProviderName, () => gate.Task);
        await using (queue)
        {
            var batch = Enumerable.Range(0, 20).Select(i => queue.EnqueueAsync(Write($"rejected-{i}", utf8: false))).ToList();
            batch.Add(queue.EnqueueAsync(Write("poison", utf8: false, entryPayload: "{\"name\":\"a\0b\"}")));
            gate.SetResult();
            foreach (var task in batch)
            {
                await Assert.ThrowsAnyAsync<Exception>(() => task);
            }

            for (var i = 0; i < 20; i++)
            {
                Assert.Null(await backend.ReadStateAsync("branch", "state", $"rejected-{i}", CancellationToken.None));
            }

            await queue.EnqueueAsync(Write("after", utf8: false));
            Assert.NotNull(await backend.ReadStateAsync("branch", "state", "after", CancellationToken.None));
        }

        await backend.DisposeAsync();
    }

    private static WriteRequest Write(string key, bool utf8, string entryPayload = "{}")
    {
        const string json = """{"count":1}""";
        StatePayload payload;
        if (utf8)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(64);
            payload = new StatePayload(new PooledUtf8(buffer, Encoding.UTF8.GetBytes(json, buffer)));
        }
        else
        {
            payload = new StatePayload(json);
        }

        return WriteRequest.Write(
            new StoredGrainId("branch", key),
            "state",
            expectedETag: null,
            expectedETagText: null,
            payload,
            wake: false,
            [new JournalEntry($"{key}-1", "admission", entryPayload, DateTimeOffset.UnixEpoch)]);
    }
}
