using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Candidates;

namespace Hierarchy.Grains.Tests;

public sealed class CandidateTests
{
    private static DateOnly Today => HierarchySilo.Today;

    /// <summary>A ceremony early enough last year that its probation has ended today, whatever today is.</summary>
    private static DateOnly Ceremony => new(Today.Year - 1, 1, 1);

    public static CandidateProposal Proposal(string key, DateOnly? introducedOn = null, Introducer by = Introducer.YouthUnion, Gender gender = Gender.Female, int age = 24, string? name = null)
    {
        var on = introducedOn ?? Today;
        return new CandidateProposal(key, by, on, gender, on.AddYears(-age).AddDays(-5), true, false, false, false, Education.University, Occupation.StateCadre, name);
    }

    [Fact]
    public async Task A_candidate_moves_stage_by_stage_and_the_ceremony_records_the_admission()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();
        var branch = silo.Unit("W1-01");

        var added = await branch.AddCandidateAsync(Proposal("c1", Ceremony.AddDays(-200), name: "Trần Thị Lý"), "secretary");
        Assert.Equal(CandidateOutcome.Created, added.Outcome);
        Assert.Null(added.Candidate!.Proposal.Name);
        var id = added.Candidate.Id;

        // A decision before the branch resolution is out of order, and the refusal names the current stage.
        var early = await branch.MoveCandidateAsync(id, CandidateStage.Decision, Ceremony.AddDays(-100), null, "secretary");
        Assert.Equal(CandidateOutcome.OutOfOrder, early.Outcome);
        Assert.Equal("stage", early.Errors.Single().Field);
        Assert.Contains("'introduced'", early.Errors.Single().Message, StringComparison.Ordinal);

        Assert.Equal(CandidateOutcome.Moved, (await branch.MoveCandidateAsync(id, CandidateStage.Course, Ceremony.AddDays(-150), null, "s")).Outcome);

        // A stage dated before the previous one is bad input, not a conflict.
        var backwards = await branch.MoveCandidateAsync(id, CandidateStage.Verified, Ceremony.AddDays(-160), null, "s");
        Assert.Equal(CandidateOutcome.Invalid, backwards.Outcome);
        Assert.Equal("on", backwards.Errors.Single().Field);

        Assert.Equal(CandidateOutcome.Moved, (await branch.MoveCandidateAsync(id, CandidateStage.Verified, Ceremony.AddDays(-120), null, "s")).Outcome);
        Assert.Equal(CandidateOutcome.Moved, (await branch.MoveCandidateAsync(id, CandidateStage.Resolution, Ceremony.AddDays(-60), null, "s")).Outcome);
        Assert.Equal(CandidateOutcome.Moved, (await branch.MoveCandidateAsync(id, CandidateStage.Decision, Ceremony.AddDays(-20), null, "s")).Outcome);

        // The same step sent again is answered as a repeat and recorded once.
        Assert.Equal(CandidateOutcome.Repeated, (await branch.MoveCandidateAsync(id, CandidateStage.Decision, Ceremony.AddDays(-20), null, "s")).Outcome);

        var admitted = await branch.MoveCandidateAsync(id, CandidateStage.Admitted, Ceremony, null, "s");
        Assert.Equal(CandidateOutcome.Moved, admitted.Outcome);
        var admissions = await branch.ListAdmissionsAsync(Ceremony.Year);
        Assert.Equal(Ceremony, Assert.Single(admissions).Report.AdmittedOn);
        Assert.Equal(1, (await silo.WaitForAdmittedAsync("P", 1, Ceremony.Year)).Admitted);

        // Membership is considered once the twelve months of probation are over, not before.
        Assert.Equal(CandidateOutcome.Moved, (await branch.MoveCandidateAsync(id, CandidateStage.Probationary, Ceremony, null, "s")).Outcome);
        var tooSoon = await branch.MoveCandidateAsync(id, CandidateStage.Official, Ceremony.AddMonths(12).AddDays(-1), null, "s");
        Assert.Equal("on", tooSoon.Errors.Single().Field);
        Assert.Equal(CandidateOutcome.Moved, (await branch.MoveCandidateAsync(id, CandidateStage.Official, Ceremony.AddMonths(12), null, "s")).Outcome);

        var closed = await branch.MoveCandidateAsync(id, CandidateStage.Dropped, Today, "moved away", "s");
        Assert.Equal(CandidateOutcome.OutOfOrder, closed.Outcome);
        var listed = Assert.Single(await branch.ListCandidatesAsync(withNames: true));
        Assert.Equal(CandidateStage.Official, listed.Stage);
        Assert.Equal("Trần Thị Lý", listed.Proposal.Name);
        Assert.Null(Assert.Single(await branch.ListCandidatesAsync(withNames: false)).Proposal.Name);
    }

    [Fact]
    public async Task A_key_sent_again_records_one_candidate_and_other_content_under_it_is_refused()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();
        var branch = silo.Unit("W2-01");

        var first = await branch.AddCandidateAsync(Proposal("Hòa-1"), "s");
        var decomposed = await branch.AddCandidateAsync(Proposal("Hòa-1".Normalize(System.Text.NormalizationForm.FormD)), "s");
        var other = await branch.AddCandidateAsync(Proposal("Hòa-1", age: 30), "s");

        Assert.Equal(CandidateOutcome.Created, first.Outcome);
        Assert.Equal(CandidateOutcome.Repeated, decomposed.Outcome);
        Assert.Equal(first.Candidate!.Id, decomposed.Candidate!.Id);
        Assert.Equal(CandidateOutcome.Conflict, other.Outcome);
        Assert.Single(await branch.ListCandidatesAsync(false));
    }

    [Fact]
    public async Task Bad_candidates_and_units_that_are_not_branches_are_refused()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();

        var future = await silo.Unit("W1-01").AddCandidateAsync(Proposal("f", Today.AddDays(1)), "s");
        var child = await silo.Unit("W1-01").AddCandidateAsync(Proposal("y", age: 12), "s");
        var ward = await silo.Unit("W1").AddCandidateAsync(Proposal("w"), "s");
        var unknown = await silo.Unit("W1-01").MoveCandidateAsync("C0", CandidateStage.Course, Today, null, "s");
        var noReason = await silo.Unit("W1-01").AddCandidateAsync(Proposal("d"), "s");
        var drop = await silo.Unit("W1-01").MoveCandidateAsync(noReason.Candidate!.Id, CandidateStage.Dropped, Today, " ", "s");

        Assert.Contains(future.Errors, e => e.Field == "introducedOn");
        Assert.Contains(child.Errors, e => e.Field == "birthDate");
        Assert.Equal(CandidateOutcome.NotABranch, ward.Outcome);
        Assert.Equal(CandidateOutcome.NotFound, unknown.Outcome);
        Assert.Equal("reason", drop.Errors.Single().Field);
    }

    [Fact]
    public async Task A_course_certificate_older_than_five_years_must_be_renewed_before_the_resolution()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();
        var branch = silo.Unit("W1-02");
        var introduced = Today.AddYears(-5).AddDays(1);
        var id = (await branch.AddCandidateAsync(Proposal("old", introduced), "s")).Candidate!.Id;
        await branch.MoveCandidateAsync(id, CandidateStage.Course, introduced, null, "s");
        await branch.MoveCandidateAsync(id, CandidateStage.Verified, introduced.AddDays(10), null, "s");

        if (introduced.AddYears(Candidate.CourseValidYears) < Today)
        {
            var expired = await branch.MoveCandidateAsync(id, CandidateStage.Resolution, Today, null, "s");
            Assert.Equal(CandidateOutcome.OutOfOrder, expired.Outcome);
        }

        Assert.Equal(CandidateOutcome.Moved, (await branch.MoveCandidateAsync(id, CandidateStage.Course, Today.AddDays(-1), null, "s")).Outcome);
        var candidate = (await branch.MoveCandidateAsync(id, CandidateStage.Resolution, Today, null, "s")).Candidate!;
        Assert.Equal(CandidateStage.Resolution, candidate.Stage);
        Assert.Equal(Today.AddDays(-1), candidate.CourseOn);
    }

    [Fact]
    public async Task Counts_per_stage_introducer_and_overdue_roll_up_and_equal_the_journals()
    {
        await using var silo = await HierarchySilo.StartAsync();
        var branches = await silo.DefineSmallTreeAsync();
        var longAgo = Today.AddDays(-250);
        var expectedAtResolution = 0;
        for (var i = 0; i < branches.Count; i++)
        {
            var branch = silo.Unit(branches[i]);
            for (var k = 0; k <= i % 3; k++)
            {
                var id = (await branch.AddCandidateAsync(Proposal($"{i}-{k}", longAgo, by: (Introducer)(k % 3), gender: k == 0 ? Gender.Female : Gender.Male), "s")).Candidate!.Id;
                if (k == 1)
                {
                    await branch.MoveCandidateAsync(id, CandidateStage.Course, longAgo.AddDays(5), null, "s");
                    await branch.MoveCandidateAsync(id, CandidateStage.Verified, longAgo.AddDays(10), null, "s");
                    await branch.MoveCandidateAsync(id, CandidateStage.Resolution, longAgo.AddDays(20), null, "s");
                    expectedAtResolution++;
                }
            }
        }

        var total = branches.Select((_, i) => i % 3 + 1).Sum();
        var view = await WaitForCandidatesAsync(silo, "P", total);
        Assert.Equal(total - expectedAtResolution, view.Pipeline!.AtStage["introduced"]);
        Assert.Equal(expectedAtResolution, view.Pipeline.AtStage["resolution"]);

        // A resolution 230 days ago is far past the 60 working days the deciding committee has.
        Assert.Equal(expectedAtResolution, view.Pipeline.Overdue);
        Assert.Equal(expectedAtResolution, view.Pipeline.PastResolution);
        Assert.Equal(view.Projected + expectedAtResolution, view.Pipeline.ProjectedWithCandidates);
        Assert.Equal(branches.Count, view.Pipeline.Breakdowns["introduced"].Women);
        var introduced = (await silo.ViewAsync("P", longAgo.Year)).Pipeline!.IntroducedBy;
        Assert.Equal(total, introduced.Values.Sum());
        Assert.Equal(branches.Count, introduced["youthUnion"]);

        var district = await silo.ViewAsync("D");
        var w3 = await silo.ViewAsync("W3");
        Assert.Equal(total, district.Pipeline!.AtStage.Values.Sum() + w3.Pipeline!.AtStage.Values.Sum());
        var verification = await silo.Verifier.VerifyAsync(repair: false);
        Assert.True(verification.IsConsistent, string.Join("; ", verification.Differences));
    }

    [Fact]
    public async Task A_silo_killed_while_candidates_move_comes_back_with_counts_equal_to_the_journals()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hierarchy-candidates-{Guid.NewGuid():N}.db");
        try
        {
            var store = HierarchyStore.Sqlite(path);
            var silo = await HierarchySilo.StartAsync(store);
            var branches = await silo.DefineSmallTreeAsync();
            var acknowledged = 0;
            var load = Task.Run(async () =>
            {
                for (var n = 0; ; n++)
                {
                    try
                    {
                        var branch = silo.Unit(branches[n % branches.Count]);
                        var id = (await branch.AddCandidateAsync(Proposal($"k{n}", Today.AddDays(-30)), "load")).Candidate!.Id;
                        await branch.MoveCandidateAsync(id, CandidateStage.Course, Today.AddDays(-20), null, "load");
                        Interlocked.Increment(ref acknowledged);
                    }
                    catch (Exception)
                    {
                        // The silo is being killed: the request in flight may or may not have landed.
                        return;
                    }
                }
            });
            await Eventually(() => Volatile.Read(ref acknowledged) >= 60);
            await silo.KillAsync();
            await load;

            await using var restarted = await HierarchySilo.StartAsync(store);
            var counted = 0;
            foreach (var branch in branches)
            {
                counted += (await restarted.Unit(branch).ListCandidatesAsync(false)).Count;
            }

            Assert.True(counted >= acknowledged, $"{acknowledged} acknowledged, {counted} in the journals");
            var view = await WaitForCandidatesAsync(restarted, "P", counted);
            Assert.Equal(counted, view.Pipeline!.AtStage.Values.Sum());
            var verification = await restarted.Verifier.VerifyAsync(repair: false);
            Assert.True(verification.IsConsistent, string.Join("; ", verification.Differences));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static async Task<Units.UnitView> WaitForCandidatesAsync(HierarchySilo silo, string id, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        Units.UnitView view;
        do
        {
            view = await silo.ViewAsync(id);
            if (view.Pipeline!.AtStage.Values.Sum() == expected)
            {
                return view;
            }

            await Task.Delay(20);
        }
        while (DateTime.UtcNow < deadline);
        return view;
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }
}
