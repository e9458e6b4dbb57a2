using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hierarchy.Dashboard.Tests;

/// <summary>The what-if page, driven as a planner would: by labels and buttons, with the keyboard for the quota.</summary>
[Collection(DashboardCollection.Name)]
public sealed class WhatIfPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task A_board_creates_a_scenario_redistributes_undoes_types_a_quota_and_applies_it()
    {
        var ward = fixture.FirstPath[1];
        var page = await fixture.NewPageAsync(fixture.BoardToken);
        await page.GotoAsync("whatif.html");
        await page.GetByLabel("Tên kịch bản").FillAsync("Thử trên trình duyệt");
        await page.GetByLabel("Đơn vị", new() { Exact = true }).FillAsync(ward);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo kịch bản từ số liệu hiện hành" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thử trên trình duyệt" })).ToBeVisibleAsync();

        var rows = page.GetByTestId("scenario-children").Locator("tbody tr");
        var live = page.GetByTestId("comparison-live");
        await Expect(rows.First).ToBeVisibleAsync();
        await Expect(live).ToContainTextAsync("Chưa khác gì");

        await page.GetByLabel("Cách phân bổ").SelectOptionAsync("even");
        await page.GetByRole(AriaRole.Button, new() { Name = "Phân bổ lại", Exact = true }).ClickAsync();
        await Expect(live).ToContainTextAsync("đơn vị thay đổi");
        await Expect(page.GetByTestId("focus-balance")).ToContainTextAsync("Khớp chỉ tiêu");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hoàn tác thao tác cuối" }).ClickAsync();
        await Expect(live).ToContainTextAsync("Chưa khác gì");

        // Typing previews; Enter commits the edit, and the comparison with live follows.
        var quota = rows.First.Locator("input[type=number]");
        var before = int.Parse(await quota.InputValueAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await quota.FillAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await quota.PressAsync("Enter");
        await Expect(live).ToContainTextAsync("1 đơn vị thay đổi");
        await Expect(page.GetByTestId("scenario-children").Locator("tbody tr").First.Locator("input[type=number]")).ToHaveValueAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, "whatif.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Áp dụng vào số liệu thật" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await Expect(page.Locator("#edit-status")).ToContainTextAsync("Đã áp dụng chỉ tiêu mới cho 1 đơn vị");

        // The first row is the branch first in natural name order; its live quota now carries the edit.
        using var http = fixture.Api(fixture.CommitteeToken);
        var view = await http.GetFromJsonAsync<JsonElement>($"api/units/{ward}");
        var first = view.GetProperty("children").EnumerateArray().OrderBy(c => c.GetProperty("name").GetString(), StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), System.Globalization.CompareOptions.NumericOrdering)).First();
        Assert.Equal(before + 1, first.GetProperty("quota").GetInt32());
    }
    [Fact]
    public async Task A_board_redistributes_by_candidate_sources_from_a_chosen_stage_and_sees_the_forecast_with_them()
    {
        var province = fixture.FirstPath[0];
        var page = await fixture.NewPageAsync(fixture.BoardToken);
        await page.GotoAsync("whatif.html");
        await page.GetByLabel("Tên kịch bản").FillAsync("Theo nguồn");
        await page.GetByLabel("Đơn vị", new() { Exact = true }).FillAsync(province);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo kịch bản từ số liệu hiện hành" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Theo nguồn" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("forecast-sources")).ToContainTextAsync("tính cả nguồn đã có nghị quyết");

        // The stage to count from is asked for only when sharing by sources.
        var stage = page.GetByLabel("Tính nguồn từ bước");
        await Expect(stage).ToBeHiddenAsync();
        await page.GetByLabel("Cách phân bổ").SelectOptionAsync("candidates");
        await Expect(stage).ToBeVisibleAsync();
        await stage.SelectOptionAsync("introduced");
        await page.GetByRole(AriaRole.Button, new() { Name = "Phân bổ lại", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("focus-balance")).ToContainTextAsync("Khớp chỉ tiêu");
        await Expect(page.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Theo nguồn phát triển đảng viên" }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, "whatif-candidates.png"), FullPage = true });
    }
}
