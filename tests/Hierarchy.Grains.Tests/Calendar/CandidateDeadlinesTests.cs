using Hierarchy.Grains.Candidates;
using static Hierarchy.Grains.Tests.Calendar.Calendars;

namespace Hierarchy.Grains.Tests.Calendar;

public sealed class CandidateDeadlinesTests
{
    [Fact]
    public void The_deciding_committee_has_60_working_days_from_the_branch_resolution()
    {
        // 11 working days of January after the 15th, 15 of February (Tết takes five), 22 of March, 12 of April.
        Assert.Equal(Day(2026, 4, 16), CandidateDeadlines.NextDue(CandidateStage.Resolution, Day(2026, 1, 15), BuiltIn));
    }

    [Fact]
    public void The_ceremony_is_due_30_working_days_after_the_decision()
    {
        // Across the day in lieu of Giỗ Tổ Hùng Vương (27 April) and 30 April–1 May.
        Assert.Equal(Day(2026, 6, 4), CandidateDeadlines.NextDue(CandidateStage.Decision, Day(2026, 4, 20), BuiltIn));
    }

    [Fact]
    public void Full_membership_is_due_30_working_days_after_probation_ends_whether_admitted_or_probationary()
    {
        // Probation from 20 August 2025 ends on 20 August 2026; the 30 working days then take in the worked Saturday
        // 22 August and skip 31 August–2 September.
        Assert.Equal(Day(2026, 10, 5), CandidateDeadlines.NextDue(CandidateStage.Admitted, Day(2025, 8, 20), BuiltIn));
        Assert.Equal(Day(2026, 10, 5), CandidateDeadlines.NextDue(CandidateStage.Probationary, Day(2025, 8, 20), BuiltIn));

        // From a ceremony on 29 February 2024: probation ends on 28 February 2025, and Giỗ Tổ Hùng Vương (7 April) is skipped.
        Assert.Equal(Day(2025, 4, 14), CandidateDeadlines.NextDue(CandidateStage.Probationary, Day(2024, 2, 29), BuiltIn));
    }

    [Theory]
    [InlineData(CandidateStage.Introduced)]
    [InlineData(CandidateStage.Course)]
    [InlineData(CandidateStage.Verified)]
    [InlineData(CandidateStage.Official)]
    [InlineData(CandidateStage.Dropped)]
    public void A_stage_before_the_resolution_or_after_the_procedure_has_no_deadline(CandidateStage stage) =>
        Assert.Null(CandidateDeadlines.NextDue(stage, Day(2026, 1, 15), BuiltIn));

    [Fact]
    public void Every_stage_has_its_rule()
    {
        var withDeadline = Enum.GetValues<CandidateStage>().Where(s => CandidateDeadlines.NextDue(s, Day(2026, 1, 15), BuiltIn) is not null);
        Assert.Equal([CandidateStage.Resolution, CandidateStage.Decision, CandidateStage.Admitted, CandidateStage.Probationary], withDeadline);
    }

    [Fact]
    public void A_configured_holiday_moves_a_deadline()
    {
        var calendar = With(options => options.Holidays.Add(new Holiday(Day(2026, 3, 9), "Ngày nghỉ do tỉnh quyết định")));
        Assert.Equal(Day(2026, 4, 17), CandidateDeadlines.NextDue(CandidateStage.Resolution, Day(2026, 1, 15), calendar));
    }

    [Theory]
    [InlineData("2024-02-29", "2025-02-28")]
    [InlineData("2028-02-29", "2029-02-28")]
    [InlineData("2027-02-28", "2028-02-28")]
    [InlineData("2026-03-15", "2027-03-15")]
    [InlineData("2026-12-31", "2027-12-31")]
    [InlineData("2026-01-31", "2027-01-31")]
    public void Probation_lasts_twelve_months_and_from_29_February_ends_on_28_February(string ceremony, string ends) =>
        Assert.Equal(DateOnly.Parse(ends), CandidateDeadlines.ProbationEnds(DateOnly.Parse(ceremony)));
}
