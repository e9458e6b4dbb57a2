using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Hierarchy.Dashboard.Tests;

/// <summary>The live feed tells branches of the same name apart by their ward, and gives the time once.</summary>
[Collection(DashboardCollection.Name)]
public sealed class FeedTests(DashboardFixture fixture)
{
    [Fact]
    public async Task A_report_appears_in_the_province_feed_with_its_ward_and_one_date_and_time()
    {
        // The ward is named like every unit on the dashboard: by its party organisation (Đảng bộ xã Hòa Bắc).
        var ward = await fixture.PartyNameAsync(fixture.FirstPath[1]);
        var branch = await fixture.NameAsync(fixture.BranchId);
        var page = await fixture.NewPageAsync(fixture.CommitteeToken);
        await page.GotoAsync($"#/unit/{DashboardFixture.ProvinceId}");
        await Expect(page.GetByTestId("live")).ToHaveAttributeAsync("data-state", "on");

        (await fixture.ReportAdmissionAsync(DateOnly.FromDateTime(DateTime.Today))).EnsureSuccessStatusCode();

        var item = page.GetByTestId("feed").Locator("li").Filter(new() { HasText = branch }).Filter(new() { HasText = ward }).First;
        await Expect(item).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(item.GetByTestId("feed-ward")).ToHaveTextAsync(ward);
        await Expect(item.Locator("time")).ToHaveTextAsync(new Regex(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}$"));
    }
}
