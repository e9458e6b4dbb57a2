using System.Globalization;
using static Microsoft.Playwright.Assertions;

namespace Hierarchy.Dashboard.Tests;

/// <summary>Boards read who changed what at a unit in the dashboard, in Vietnamese, without going to the API.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AuditLogTests(DashboardFixture fixture)
{
    [Fact]
    public async Task A_board_sees_a_quota_change_in_the_units_change_log()
    {
        var district = fixture.FirstPath[0];
        var before = await fixture.QuotaAsync(district);
        await fixture.SetQuotaAsync(district, before + 2);

        var page = await fixture.NewPageAsync(fixture.BoardToken);
        await page.GotoAsync($"#/unit/{district}");
        var audit = page.GetByTestId("audit");
        await Expect(audit.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Nhật ký thay đổi" })).ToBeVisibleAsync();
        var row = audit.Locator("tbody tr").First;
        await Expect(row).ToContainTextAsync("Chỉ tiêu");
        await Expect(row).ToContainTextAsync($"Chỉ tiêu năm {DateTime.Today.Year}: {before.ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))} → {(before + 2).ToString("N0", CultureInfo.GetCultureInfo("vi-VN"))}");
        await Expect(row).ToContainTextAsync("Dashboard test board");
    }

    [Fact]
    public async Task The_committee_and_a_secretary_get_no_change_log()
    {
        var committee = await fixture.NewPageAsync(fixture.CommitteeToken);
        await committee.GotoAsync($"#/unit/{DashboardFixture.ProvinceId}");
        await Expect(committee.GetByTestId("children").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        await Expect(committee.GetByTestId("audit")).ToHaveCountAsync(0);

        var secretary = await fixture.NewPageAsync(fixture.BranchToken);
        await secretary.GotoAsync($"#/unit/{fixture.BranchId}");
        await Expect(secretary.GetByTestId("admission-form")).ToBeVisibleAsync();
        await Expect(secretary.GetByTestId("audit")).ToHaveCountAsync(0);
    }
}
