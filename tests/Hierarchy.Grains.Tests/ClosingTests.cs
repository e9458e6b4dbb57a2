using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Candidates;
using Hierarchy.Grains.Closing;
using Hierarchy.Grains.Units;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Grains.Tests;

/// <summary>Closing a period bottom-up, what a closed period refuses, and reopening from the top of the closed part.</summary>
public sealed class ClosingTests
{
    private static readonly string[] WardBranches = ["W1-01", "W1-02", "W1-03"];

    /// <summary>Last year's six-month report: ended whatever today is, and reports dated in it are still accepted when open.</summary>
    private static ClosingPeriod LastFirstHalf => new(HierarchySilo.Today.Year - 1, true);

    private static DateOnly InLastFirstHalf => new(HierarchySilo.Today.Year - 1, 3, 15);

    private static DateOnly InLastSecondHalf => new(HierarchySilo.Today.Year - 1, 9, 15);

    [Fact]
    public async Task A_closed_branch_refuses_a_late_report_naming_the_closing_and_records_nothing_until_reopened()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();
        var branch = silo.Unit("W1-01");
        var closings = silo.Services.GetRequiredService<ClosingService>();
        Assert.Equal(AdmissionOutcome.Created, (await branch.ReportAdmissionAsync(HierarchySilo.Report("before", InLastFirstHalf), "secretary")).Outcome);
        await silo.WaitForAdmittedAsync("P", 1, InLastFirstHalf.Year);

        var closed = await closings.CloseAsync("W1-01", LastFirstHalf, "Bí thư (u1)");
        Assert.Equal(ClosingOutcome.Closed, closed.Outcome);
        Assert.Equal("Bí thư (u1)", closed.Closing!.ClosedBy);
        var journal = (await branch.GetAuditAsync(1000)).Count;

        var late = await branch.ReportAdmissionAsync(HierarchySilo.Report("late", InLastFirstHalf), "secretary");
        Assert.Equal(AdmissionOutcome.Conflict, late.Outcome);
        var refusal = Assert.Single(late.Errors);
        Assert.Equal(ClosingCodes.PeriodClosed, refusal.Code);
        Assert.Equal("admittedOn", refusal.Field);
        Assert.Contains(LastFirstHalf.Key, refusal.Arguments!);
        Assert.Contains("Bí thư (u1)", refusal.Message, StringComparison.Ordinal);

        // A report sent again that was recorded before the closing changes nothing, so it is answered as a repeat.
        Assert.Equal(AdmissionOutcome.Repeated, (await branch.ReportAdmissionAsync(HierarchySilo.Report("before", InLastFirstHalf), "secretary")).Outcome);
        Assert.Single(await branch.ListAdmissionsAsync(InLastFirstHalf.Year));
        Assert.Equal(journal, (await branch.GetAuditAsync(1000)).Count);
        Assert.Equal(1, (await silo.ViewAsync("W1-01", InLastFirstHalf.Year)).Admitted);

        // Dated outside the closed half: recorded as ever.
        Assert.Equal(AdmissionOutcome.Created, (await branch.ReportAdmissionAsync(HierarchySilo.Report("autumn", InLastSecondHalf), "secretary")).Outcome);

        var reopened = await closings.ReopenAsync("W1-01", LastFirstHalf, "Bí thư (u1)");
        Assert.Equal(ClosingOutcome.Reopened, reopened.Outcome);
        Assert.Equal(AdmissionOutcome.Created, (await branch.ReportAdmissionAsync(HierarchySilo.Report("late", InLastFirstHalf), "secretary")).Outcome);
        Assert.Equal(3, (await silo.WaitForAdmittedAsync("P", 3, InLastFirstHalf.Year)).Admitted);
        var audit = await branch.GetAuditAsync(10);
        Assert.Contains(audit, e => e.Kind == UnitGrain.ClosingKind && e.Summary == $"closed {LastFirstHalf.Key}");
        Assert.Contains(audit, e => e.Kind == UnitGrain.ClosingKind && e.Summary.StartsWith($"reopened {LastFirstHalf.Key}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_correction_a_batch_and_a_ceremony_dated_in_a_closed_period_are_refused_whole()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();
        var branch = silo.Unit("W2-01");
        var closings = silo.Services.GetRequiredService<ClosingService>();
        var recorded = await branch.ReportAdmissionAsync(HierarchySilo.Report("spring", InLastFirstHalf), "s");
        var ceremony = new DateOnly(InLastFirstHalf.Year, 1, 1);
        var candidate = await ReadyForCeremonyAsync(branch, ceremony);
        Assert.Equal(ClosingOutcome.Closed, (await closings.CloseAsync("W2-01", LastFirstHalf, "s")).Outcome);

        var correction = await branch.RetractAdmissionAsync(recorded.Record!.Id, "typed twice", "s");
        Assert.Equal(AdmissionOutcome.Conflict, correction.Outcome);
        Assert.Equal(("admissionId", ClosingCodes.PeriodClosed), (correction.Errors.Single().Field, correction.Errors.Single().Code));

        var batch = await branch.ReportAdmissionsAsync([HierarchySilo.Report("b-autumn", InLastSecondHalf), HierarchySilo.Report("b-spring", InLastFirstHalf)], "s");
        Assert.Equal([ClosingCodes.BatchRefused, ClosingCodes.PeriodClosed], batch.Select(r => r.Errors.Single().Code));

        var admitted = await branch.MoveCandidateAsync(candidate, CandidateStage.Admitted, ceremony, null, "s");
        Assert.Equal(CandidateOutcome.Conflict, admitted.Outcome);
        Assert.Equal(("on", ClosingCodes.PeriodClosed), (admitted.Errors.Single().Field, admitted.Errors.Single().Code));

        var admissions = await branch.ListAdmissionsAsync(null);
        Assert.False(Assert.Single(admissions).IsRetracted);
        Assert.Equal(CandidateStage.Decision, (await branch.ListCandidatesAsync(false)).Single().Stage);
    }

    [Fact]
    public async Task A_ward_closes_only_once_every_branch_has_and_the_refusal_names_those_still_open()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();
        var closings = silo.Services.GetRequiredService<ClosingService>();
        await closings.CloseAsync("W1-01", LastFirstHalf, "s1");

        var early = await closings.CloseAsync("W1", LastFirstHalf, "ward board");
        Assert.Equal(ClosingOutcome.ChildrenOpen, early.Outcome);
        Assert.Equal(["W1-02", "W1-03"], early.Units.Select(u => u.Id));
        Assert.Equal("period", early.Error!.Field);
        Assert.Contains("Chi bộ Thôn 2 W1, Chi bộ Thôn 3 W1", early.Error.Message, StringComparison.Ordinal);
        Assert.Null(await silo.Grains.GetGrain<IUnitClosingGrain>("W1").GetClosingAsync(LastFirstHalf));

        await closings.CloseAsync("W1-02", LastFirstHalf, "s2");
        await closings.CloseAsync("W1-03", LastFirstHalf, "s3");
        var closed = await closings.CloseAsync("W1", LastFirstHalf, "ward board");
        Assert.Equal(ClosingOutcome.Closed, closed.Outcome);
        Assert.Equal(ClosingOutcome.AlreadyClosed, (await closings.CloseAsync("W1", LastFirstHalf, "someone else")).Outcome);
        Assert.Equal("ward board", (await silo.Grains.GetGrain<IUnitClosingGrain>("W1").GetClosingAsync(LastFirstHalf))!.ClosedBy);

        // The district still waits for its other ward.
        var district = await closings.CloseAsync("D", LastFirstHalf, "district board");
        Assert.Equal(["W2"], district.Units.Select(u => u.Id));

        // The children's closings reach the parent's view with the rollup, without asking them.
        var ward = await Eventually(() => silo.ViewAsync("D", LastFirstHalf.Year), v => v.Children.Single(c => c.Id == "W1").Closing?.FirstHalf is not null);
        Assert.Equal("ward board", ward.Children.Single(c => c.Id == "W1").Closing!.FirstHalf!.ClosedBy);
        Assert.Null(ward.Children.Single(c => c.Id == "W1").Closing!.Year);
        Assert.Null(ward.Children.Single(c => c.Id == "W2").Closing!.FirstHalf);
        Assert.Equal(LastFirstHalf.Key, Assert.Single((await silo.ViewAsync("W1", LastFirstHalf.Year)).Closings!).Period);
    }

    [Fact]
    public async Task A_period_that_has_not_ended_cannot_be_closed()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();

        var result = await silo.Services.GetRequiredService<ClosingService>().CloseAsync("W1-01", new ClosingPeriod(HierarchySilo.Today.Year, false), "s");

        Assert.Equal(ClosingOutcome.Invalid, result.Outcome);
        Assert.Equal(("period", ClosingCodes.NotEnded), (result.Error!.Field, result.Error.Code));
        Assert.Equal(AdmissionOutcome.Created, (await silo.Unit("W1-01").ReportAdmissionAsync(HierarchySilo.Report("today"), "s")).Outcome);
    }

    [Fact]
    public async Task A_branch_under_a_closed_ward_reopens_only_with_it_and_the_ward_reopens_every_closed_unit_below()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();
        var closings = silo.Services.GetRequiredService<ClosingService>();
        foreach (var branch in WardBranches)
        {
            await closings.CloseAsync(branch, LastFirstHalf, "secretary");
        }

        await closings.CloseAsync("W1", LastFirstHalf, "ward board");

        var alone = await closings.ReopenAsync("W1-02", LastFirstHalf, "secretary");
        Assert.Equal(ClosingOutcome.ParentClosed, alone.Outcome);
        Assert.Equal("ward board", alone.Closing!.ClosedBy);
        Assert.Equal(ClosingCodes.ParentClosed, alone.Error!.Code);
        Assert.NotNull(await silo.Grains.GetGrain<IUnitClosingGrain>("W1-02").GetClosingAsync(LastFirstHalf));

        var reopened = await closings.ReopenAsync("W1", LastFirstHalf, "district board");
        Assert.Equal(ClosingOutcome.Reopened, reopened.Outcome);
        Assert.Equal(["W1", .. WardBranches], reopened.Units.Select(u => u.Id));
        foreach (var unit in reopened.Units)
        {
            Assert.Null(await silo.Grains.GetGrain<IUnitClosingGrain>(unit.Id).GetClosingAsync(LastFirstHalf));
            Assert.Contains(await silo.Unit(unit.Id).GetAuditAsync(5), e => e.Kind == UnitGrain.ClosingKind && e.By == "district board" && e.Summary.StartsWith("reopened", StringComparison.Ordinal));
        }

        Assert.Equal(ClosingOutcome.NotClosed, (await closings.ReopenAsync("W1", LastFirstHalf, "district board")).Outcome);

        // With the ward open, a branch closed again reopens by itself, and its neighbours stay as they are.
        await closings.CloseAsync("W1-01", LastFirstHalf, "secretary");
        await closings.CloseAsync("W1-03", LastFirstHalf, "secretary");
        var branchAlone = await closings.ReopenAsync("W1-01", LastFirstHalf, "secretary");
        Assert.Equal(["W1-01"], branchAlone.Units.Select(u => u.Id));
        Assert.NotNull(await silo.Grains.GetGrain<IUnitClosingGrain>("W1-03").GetClosingAsync(LastFirstHalf));
    }

    [Fact]
    public async Task Closings_are_durable_across_a_restart()
    {
        var store = HierarchyStore.Memory();
        await using (var silo = await HierarchySilo.StartAsync(store))
        {
            await silo.DefineSmallTreeAsync();
            await silo.Services.GetRequiredService<ClosingService>().CloseAsync("W3-01", LastFirstHalf, "secretary");
        }

        await using var restarted = await HierarchySilo.StartAsync(store);
        var late = await restarted.Unit("W3-01").ReportAdmissionAsync(HierarchySilo.Report("late", InLastFirstHalf), "secretary");
        Assert.Equal(AdmissionOutcome.Conflict, late.Outcome);
        Assert.Equal("secretary", (await restarted.Grains.GetGrain<IUnitClosingGrain>("W3-01").GetClosingAsync(LastFirstHalf))!.ClosedBy);
    }

    /// <summary>A candidate taken to the decision of the committee above, so that the next step is the ceremony on <paramref name="ceremony"/>.</summary>
    private static async Task<string> ReadyForCeremonyAsync(IUnitGrain branch, DateOnly ceremony)
    {
        var id = (await branch.AddCandidateAsync(CandidateTests.Proposal("cand", ceremony.AddDays(-200)), "s")).Candidate!.Id;
        foreach (var (stage, daysBefore) in new[] { (CandidateStage.Course, 150), (CandidateStage.Verified, 120), (CandidateStage.Resolution, 60), (CandidateStage.Decision, 20) })
        {
            Assert.Equal(CandidateOutcome.Moved, (await branch.MoveCandidateAsync(id, stage, ceremony.AddDays(-daysBefore), null, "s")).Outcome);
        }

        return id;
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var value = await read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
            value = await read();
        }

        return value;
    }
}
