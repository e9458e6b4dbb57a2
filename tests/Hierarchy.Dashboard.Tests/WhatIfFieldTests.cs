using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hierarchy.Dashboard.Tests;

/// <summary>The what-if page as a district planner uses it on a 1440 px screen: names, not codes, throughout.</summary>
[Collection(DashboardCollection.Name)]
public sealed class WhatIfFieldTests(DashboardFixture fixture)
{
    private static readonly StringComparer Natural = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), CompareOptions.NumericOrdering);

    [Fact]
    public async Task A_scenario_is_made_by_name_keeps_its_method_fits_the_screen_warns_on_apply_and_has_no_discard_once_applied()
    {
        var district = fixture.FirstPath[0];
        var districtName = await fixture.NameAsync(district);
        var districtLevel = await fixture.LevelNameAsync(district);
        var page = await fixture.NewPageAsync(fixture.BoardToken, width: 1440, height: 900);
        await page.GotoAsync("whatif.html");

        // The same navigation as the dashboard.
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Công cụ" });
        foreach (var link in new[] { "Tổng quan", "Báo cáo", "Kịch bản", "Hệ thống" })
        {
            await Expect(nav.GetByRole(AriaRole.Link, new() { Name = link, Exact = true })).ToBeVisibleAsync();
        }

        await Expect(page.GetByRole(AriaRole.Searchbox)).ToBeVisibleAsync();

        // The unit field speaks names: the board's own unit to begin with, then one picked from the suggestions.
        var unit = page.GetByLabel("Đơn vị", new() { Exact = true });
        await Expect(unit).ToHaveValueAsync("Thành phố Đà Nẵng");
        await page.GetByLabel("Tên kịch bản").FillAsync("Phân bổ theo đảng viên");
        await unit.FillAsync(districtName.Split(' ', 2)[1]);
        var option = page.Locator("#root-options option").First;
        await Expect(option).ToHaveAttributeAsync("value", $"{districtName} ({districtLevel})");
        await Expect(option).ToHaveAttributeAsync("label", await fixture.PartyNameAsync(district));
        await unit.FillAsync($"{districtName} ({districtLevel})");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo kịch bản từ số liệu hiện hành" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Phân bổ theo đảng viên" })).ToBeVisibleAsync();
        // A scenario names its units administratively throughout, the breadcrumb included.
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Đường dẫn" }).Locator("[aria-current=page]")).ToHaveTextAsync(districtName);

        // Redistributing keeps the chosen method, and the edit log names the unit.
        await page.GetByLabel("Cách phân bổ").SelectOptionAsync("members");
        await page.GetByRole(AriaRole.Button, new() { Name = "Phân bổ lại", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("comparison-live")).ToContainTextAsync("đơn vị thay đổi");
        await Expect(page.GetByLabel("Cách phân bổ")).ToHaveValueAsync("members");
        var edits = page.GetByTestId("edits");
        await Expect(edits).ToContainTextAsync($"Phân bổ lại {districtName}");
        await Expect(edits).Not.ToContainTextAsync(district + ":");

        var table = page.GetByTestId("scenario-children");
        Assert.True(await table.EvaluateAsync<bool>("t => t.scrollWidth <= t.parentElement.clientWidth"), "The scenario table scrolls sideways at 1440 px.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, "whatif-1440.png"), FullPage = true });

        // The wards' quotas moved and their branches' did not: applying says which wards would no longer add up.
        await page.GetByRole(AriaRole.Button, new() { Name = "Áp dụng vào số liệu thật" }).ClickAsync();
        var warning = page.GetByTestId("apply-warning");
        await Expect(warning).ToBeVisibleAsync();
        await Expect(warning).ToContainTextAsync("không khớp");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await Expect(page.Locator("#edit-status")).ToContainTextAsync("Đã áp dụng chỉ tiêu mới");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Hủy kịch bản" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Branches_in_a_scenario_are_in_natural_name_order()
    {
        var ward = fixture.FirstPath[1];
        var page = await fixture.NewPageAsync(fixture.BoardToken, width: 1440, height: 900);
        await page.GotoAsync("whatif.html");
        await page.GetByLabel("Tên kịch bản").FillAsync("Thứ tự chi bộ");
        await page.GetByLabel("Đơn vị", new() { Exact = true }).FillAsync(ward);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo kịch bản từ số liệu hiện hành" }).ClickAsync();
        var names = page.GetByTestId("scenario-children").Locator("tbody th");
        await Expect(names).Not.ToHaveCountAsync(0);
        var shown = await names.AllTextContentsAsync();
        Assert.Equal(shown.Order(Natural), shown);
    }
}
