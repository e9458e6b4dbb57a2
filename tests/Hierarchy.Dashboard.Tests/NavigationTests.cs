using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hierarchy.Dashboard.Tests;

/// <summary>Moving between units: the breadcrumb offers only what the user may open, and a new unit opens at its top.</summary>
[Collection(DashboardCollection.Name)]
public sealed class NavigationTests(DashboardFixture fixture)
{
    [Fact]
    public async Task A_branch_secretary_sees_the_units_above_the_branch_as_plain_text_not_links()
    {
        var page = await fixture.NewPageAsync(fixture.BranchToken);
        await page.GotoAsync($"#/unit/{fixture.BranchId}");
        var crumbs = page.GetByRole(AriaRole.Navigation, new() { Name = "Đường dẫn" });
        await Expect(crumbs.Locator("li")).ToHaveCountAsync(fixture.FirstPath.Count + 1);
        await Expect(crumbs).ToContainTextAsync("Đà Nẵng");
        await Expect(crumbs.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);

        await page.GotoAsync($"#/report/{fixture.BranchId}");
        await Expect(page.GetByTestId("report")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Đường dẫn" }).GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_committee_still_gets_links_to_every_unit_on_the_path()
    {
        var page = await fixture.NewPageAsync(fixture.CommitteeToken);
        await page.GotoAsync($"#/unit/{fixture.BranchId}");
        var crumbs = page.GetByRole(AriaRole.Navigation, new() { Name = "Đường dẫn" });
        await Expect(crumbs.GetByRole(AriaRole.Link)).ToHaveCountAsync(fixture.FirstPath.Count);
    }

    [Fact]
    public async Task Drilling_down_from_the_bottom_of_a_table_opens_the_unit_at_its_top()
    {
        var page = await fixture.NewPageAsync(fixture.CommitteeToken, width: 1280, height: 500);
        await page.GotoAsync($"#/unit/{DashboardFixture.ProvinceId}");
        var last = page.GetByTestId("children").Locator("tbody tr").Last.GetByRole(AriaRole.Link);
        await Expect(last).ToBeVisibleAsync();

        // Scrolled in the page in one step: the live stream may redraw the rows at any moment.
        await page.EvaluateAsync("() => { document.querySelector('[data-testid=children] tbody tr:last-child a').scrollIntoView({ block: 'center' }); }");
        Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > 100, "The table's last row should be below the first screen.");
        var name = await last.TextContentAsync();

        await last.ClickAsync();
        await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync(name!);
        await Expect(page.GetByTestId("children").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        Assert.Equal(0, await page.EvaluateAsync<double>("() => window.scrollY"));
    }

    [Fact]
    public async Task Drilling_down_in_a_scenario_opens_the_unit_at_its_top()
    {
        using var http = fixture.Api(fixture.BoardToken);
        var created = await http.PostAsJsonAsync("api/scenarios", new { name = "Cuộn trang", rootUnitId = fixture.FirstPath[0], year = DateTime.Today.Year });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("scenario").GetProperty("id").GetString();

        var page = await fixture.NewPageAsync(fixture.BoardToken, width: 1440, height: 500);
        await page.GotoAsync($"whatif.html#/s/{id}");
        var drill = page.GetByTestId("scenario-children").Locator("tbody tr").Last.Locator("button.link");
        await Expect(drill).ToBeVisibleAsync();
        await page.EvaluateAsync("() => { document.querySelector('[data-testid=scenario-children] tbody tr:last-child button.link').scrollIntoView({ block: 'center' }); }");
        Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > 100, "The last row should be below the first screen.");
        var ward = await drill.TextContentAsync();

        await drill.ClickAsync();
        await Expect(page.Locator("#children-h")).ToContainTextAsync(ward!);
        Assert.Equal(0, await page.EvaluateAsync<double>("() => window.scrollY"));
    }
}
