using Hierarchy.Grains.Admissions;

namespace Hierarchy.Grains.Tests;

public sealed class RollupInvariantTests
{
    [Fact]
    public async Task Tens_of_thousands_of_concurrent_reports_equal_the_ledger_at_every_level()
    {
        await using var silo = await HierarchySilo.StartAsync();
        var branches = await silo.DefineSmallTreeAsync();
        const int reports = 20_000;

        await Parallel.ForEachAsync(Enumerable.Range(0, reports), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
        {
            var branch = branches[Random.Shared.Next(branches.Count)];
            var result = await silo.Unit(branch).ReportAdmissionAsync(HierarchySilo.Report($"r{i}", age: 18 + i % 43), "load");
            Assert.Equal(AdmissionOutcome.Created, result.Outcome);
        });

        Assert.Equal(reports, (await silo.WaitForAdmittedAsync("P", reports)).Admitted);
        var verification = await silo.Verifier.VerifyAsync(repair: false);
        Assert.True(verification.IsConsistent, string.Join("; ", verification.Differences));
        Assert.Equal(reports, verification.LedgerAdmissions);
        var district = await silo.ViewAsync("D");
        var w3 = await silo.ViewAsync("W3");
        Assert.Equal(reports, district.Admitted + w3.Admitted);
    }

    [Fact]
    public async Task A_silo_killed_mid_ingest_loses_nothing_acknowledged_and_counts_nothing_twice()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hierarchy-kill-{Guid.NewGuid():N}.db");
        try
        {
            var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
            IReadOnlyList<string> branches;
            var silo = await HierarchySilo.StartAsync(HierarchyStore.Sqlite(path));
            branches = await silo.DefineSmallTreeAsync();
            using var stop = new CancellationTokenSource();
            var load = Task.Run(async () =>
            {
                var i = 0;
                while (!stop.IsCancellationRequested)
                {
                    var batch = Enumerable.Range(i, 32).Select(n => (Key: $"k{n}", Branch: branches[n % branches.Count])).ToList();
                    i += 32;
                    await Task.WhenAll(batch.Select(async r =>
                    {
                        try
                        {
                            var result = await silo.Unit(r.Branch).ReportAdmissionAsync(HierarchySilo.Report(r.Key), "load");
                            if (result.Outcome == AdmissionOutcome.Created)
                            {
                                acknowledged.Add(r.Key);
                            }
                        }
                        catch (Exception)
                        {
                            // The silo is being killed: unacknowledged reports may or may not have landed.
                        }
                    }));
                }
            });
            await Task.Delay(1500);

            // Abrupt stop: no deactivation, no checkpoints, parents' acknowledgements lost in flight.
            await silo.KillAsync();
            stop.Cancel();
            await load.WaitAsync(TimeSpan.FromSeconds(20));

            await using var restarted = await HierarchySilo.StartAsync(HierarchyStore.Sqlite(path));
            var verification = await restarted.Verifier.VerifyAsync(repair: false).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(verification.IsConsistent, string.Join("; ", verification.Differences.Take(10)));
            Assert.True(acknowledged.Count > 0);
            Assert.True(verification.LedgerAdmissions >= acknowledged.Count, $"ledger {verification.LedgerAdmissions} < acknowledged {acknowledged.Count}");
            var province = await restarted.ViewAsync("P");
            Assert.Equal(verification.LedgerAdmissions, province.Admitted);
            foreach (var key in acknowledged.Take(200))
            {
                var branch = branches[int.Parse(key[1..]) % branches.Count];
                Assert.Equal(AdmissionOutcome.Repeated, (await restarted.Unit(branch).ReportAdmissionAsync(HierarchySilo.Report(key), "check")).Outcome);
            }
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task A_branch_whose_ledger_grew_after_its_last_state_write_comes_back_with_the_ledger_totals()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hierarchy-append-{Guid.NewGuid():N}.db");
        try
        {
            var silo = await HierarchySilo.StartAsync(HierarchyStore.Sqlite(path));
            await silo.DefineSmallTreeAsync();
            var first = await silo.Unit("W1-01").ReportAdmissionAsync(HierarchySilo.Report("a"), "test");
            await silo.Unit("W1-01").ReportAdmissionAsync(HierarchySilo.Report("b", gender: Gender.Male), "test");
            await silo.Unit("W1-01").ReportAdmissionAsync(HierarchySilo.Report("c"), "test");
            Assert.Equal(AdmissionOutcome.Created, (await silo.Unit("W1-01").RetractAdmissionAsync(first.Record!.Id, "entered twice", "test")).Outcome);

            // Killed before any acknowledgement could make the branch write its state: only the ledger has the reports.
            await silo.KillAsync();

            await using var restarted = await HierarchySilo.StartAsync(HierarchyStore.Sqlite(path));
            var branch = await restarted.ViewAsync("W1-01");
            Assert.Equal(2, branch.Admitted);
            Assert.Equal(2, (await restarted.WaitForAdmittedAsync("P", 2)).Admitted);
            Assert.Equal(AdmissionOutcome.Repeated, (await restarted.Unit("W1-01").ReportAdmissionAsync(HierarchySilo.Report("b", gender: Gender.Male), "check")).Outcome);
            var verification = await restarted.Verifier.VerifyAsync(repair: false);
            Assert.True(verification.IsConsistent, string.Join("; ", verification.Differences));
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }
}
