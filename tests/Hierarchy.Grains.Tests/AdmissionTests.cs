using Hierarchy.Grains.Admissions;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Tests;

public sealed class AdmissionTests
{
    [Fact]
    public async Task A_report_counts_at_every_level_with_its_breakdown()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();

        var result = await silo.Unit("W1-01").ReportAdmissionAsync(HierarchySilo.Report("k1", age: 33, gender: Gender.Female, youthUnion: false, name: "Nguyễn Thị A"), "secretary");

        Assert.Equal(AdmissionOutcome.Created, result.Outcome);
        Assert.Null(result.Record!.Report.Name);
        foreach (var id in new[] { "W1-01", "W1", "D", "P" })
        {
            var view = await silo.WaitForAdmittedAsync(id, 1);
            Assert.Equal(1, view.Admitted);
            Assert.Equal(1, view.Breakdown.Women);
            Assert.Equal(0, view.Breakdown.YouthUnion);
            Assert.Equal(1, view.Breakdown.Age["31-35"]);
            Assert.Equal(33, view.Breakdown.AverageAge);
        }
    }

    [Fact]
    public async Task The_same_key_and_content_counts_once_and_different_content_is_refused()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();
        var branch = silo.Unit("W2-02");

        var first = await branch.ReportAdmissionAsync(HierarchySilo.Report("same"), "s");
        var again = await branch.ReportAdmissionAsync(HierarchySilo.Report("same"), "s");
        var different = await branch.ReportAdmissionAsync(HierarchySilo.Report("same", age: 40), "s");

        Assert.Equal(AdmissionOutcome.Created, first.Outcome);
        Assert.Equal(AdmissionOutcome.Repeated, again.Outcome);
        Assert.Equal(first.Record!.Id, again.Record!.Id);
        Assert.Equal(AdmissionOutcome.Conflict, different.Outcome);
        Assert.Equal(1, (await silo.WaitForAdmittedAsync("P", 1)).Admitted);
        Assert.Single(await branch.ListAdmissionsAsync(null));
    }

    [Theory]
    [InlineData(17, "birthDate")]
    [InlineData(61, "birthDate")]
    public async Task Ages_outside_18_to_60_are_refused_naming_the_field(int age, string field)
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();

        var result = await silo.Unit("W1-01").ReportAdmissionAsync(HierarchySilo.Report("young", age: age), "s");

        Assert.Equal(AdmissionOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Errors, e => e.Field == field);
        Assert.Equal(0, (await silo.ViewAsync("W1-01")).Admitted);
    }

    [Fact]
    public async Task A_future_date_and_a_unit_that_is_not_a_branch_are_refused()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();

        var future = await silo.Unit("W1-01").ReportAdmissionAsync(HierarchySilo.Report("f", HierarchySilo.Today.AddDays(1)), "s");
        var ward = await silo.Unit("W1").ReportAdmissionAsync(HierarchySilo.Report("w"), "s");
        var unknown = await silo.Unit("nope").ReportAdmissionAsync(HierarchySilo.Report("u"), "s");

        Assert.Contains(future.Errors, e => e.Field == "admittedOn");
        Assert.Equal(AdmissionOutcome.NotABranch, ward.Outcome);
        Assert.Equal(AdmissionOutcome.UnknownUnit, unknown.Outcome);
    }

    [Fact]
    public async Task A_correction_drops_the_admission_everywhere()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();
        var branch = silo.Unit("W3-01");
        var kept = await branch.ReportAdmissionAsync(HierarchySilo.Report("keep"), "s");
        var wrong = await branch.ReportAdmissionAsync(HierarchySilo.Report("wrong"), "s");
        await silo.WaitForAdmittedAsync("P", 2);

        var correction = await branch.RetractAdmissionAsync(wrong.Record!.Id, "reported twice by mistake", "s");

        Assert.Equal(AdmissionOutcome.Created, correction.Outcome);
        Assert.Equal(1, (await silo.WaitForAdmittedAsync("P", 1)).Admitted);
        Assert.Equal(1, (await silo.ViewAsync("W3")).Admitted);
        var list = await branch.ListAdmissionsAsync(null);
        Assert.Contains(list, r => r.Id == wrong.Record.Id && r.IsRetracted);
        Assert.Contains(list, r => r.Id == kept.Record!.Id && !r.IsRetracted);
        Assert.Equal(AdmissionOutcome.NotFound, (await branch.RetractAdmissionAsync("A-missing", "x", "s")).Outcome);
        var report = await silo.Verifier.VerifyAsync(repair: false);
        Assert.True(report.IsConsistent, string.Join("; ", report.Differences));
        Assert.Equal(1, report.LedgerCorrections);
    }

    [Fact]
    public async Task Quotas_use_optimistic_versions_and_children_quota_is_summed()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();
        var year = HierarchySilo.Today.Year;
        var before = await silo.ViewAsync("W1");

        var first = await silo.Unit("W1").SetQuotaAsync(year, 12, before.QuotaVersion, "board");
        var stale = await silo.Unit("W1").SetQuotaAsync(year, 99, before.QuotaVersion, "other board");
        await silo.Unit("W2").SetQuotaAsync(year, 8, null, "board");
        var invalid = await silo.Unit("W2").SetQuotaAsync(year, -1, null, "board");

        Assert.Equal(QuotaOutcome.Updated, first.Outcome);
        Assert.Equal(QuotaOutcome.Conflict, stale.Outcome);
        Assert.Equal(QuotaOutcome.Invalid, invalid.Outcome);
        Assert.Equal(12, (await silo.ViewAsync("W1")).Quota);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        UnitView district;
        do
        {
            district = await silo.ViewAsync("D");
            await Task.Delay(20);
        }
        while (district.ChildrenQuota != 20 && DateTime.UtcNow < deadline);
        Assert.Equal(20, district.ChildrenQuota);
        var audit = await silo.Unit("W1").GetAuditAsync(10);
        Assert.Contains(audit, a => a.Kind == "quota" && a.By == "board" && a.Summary.Contains("12"));
    }

    [Fact]
    public async Task Progress_projection_and_last_year_are_derived()
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();
        var today = HierarchySilo.Today;
        await silo.Unit("W1-01").ImportAsync(new UnitDefinition("W1-01", "Chi bộ Thôn 1 W1", UnitLevel.Branch, "W1"), [new YearPlan(today.Year, 4, 50)], "import");
        await silo.Unit("W1-01").ReportAdmissionAsync(HierarchySilo.Report("now"), "s");
        await silo.Unit("W1-01").ReportAdmissionAsync(HierarchySilo.Report("last", today.AddYears(-1).AddDays(-1)), "s");

        var view = await silo.WaitForAdmittedAsync("W1-01", 1);

        Assert.Equal(0.25, view.Progress);
        Assert.Equal(0.02, view.AdmissionRate);
        var daysInYear = DateTime.IsLeapYear(today.Year) ? 366 : 365;
        Assert.Equal((int)Math.Round(daysInYear / (double)today.DayOfYear), view.Projected);
        Assert.Equal(1, view.LastYear.Admitted);
        Assert.Equal(50, (await silo.WaitForAdmittedAsync("P", 1)).MembersAtStart);
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData(" \u200E ")]
    [InlineData("\t")]
    public async Task An_idempotency_key_without_visible_text_is_refused(string key)
    {
        await using var silo = await HierarchySilo.StartAsync();
        await silo.DefineSmallTreeAsync();

        var result = await silo.Unit("W1-01").ReportAdmissionAsync(HierarchySilo.Report(key), "s");

        Assert.Equal(AdmissionOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Errors, e => e.Field == "idempotencyKey");
    }
}
