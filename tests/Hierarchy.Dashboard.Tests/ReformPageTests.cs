using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hierarchy.Dashboard.Tests;

/// <summary>The dashboard over a database restructured across the reform: where a new unit's figures came from, and the former units.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ReformPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task A_new_province_lists_its_predecessors_and_opens_a_former_unit_that_links_back()
    {
        var folder = Directory.CreateTempSubdirectory("hierarchy-reform-page-").FullName;
        foreach (var province in new[] { "44", "45" })
        {
            await SiloProcess.RunAsync(folder, "import-catalogue", RepositoryPaths.Catalogue, "--province", province);
        }

        var csv = Path.Combine(folder, "branches.csv");
        await File.WriteAllTextAsync(csv, "wardId,branchId,name,membersAtStart,quota\n18853,18853-01,Chi bộ Tổ dân phố 1,40,2\n19330,19330-01,Chi bộ Khu phố 1,35,3\n");
        await SiloProcess.RunAsync(folder, "import-branches", csv, "--year", "2025");
        await SiloProcess.RunAsync(folder, "restructure", "--catalogue", RepositoryPaths.Catalogue2025, "--conversion", RepositoryPaths.Conversion2025, "--on", "2025-07-01");
        var committee = Regex.Match(await SiloProcess.RunAsync(folder, "users", "add", "--unit", "44", "--role", "committee", "--name", "Ban Thường vụ"), @"hy_[A-Za-z0-9]+_[A-Za-z0-9_\-]+").Value;
        await using var silo = await SiloProcess.StartOnAsync(folder, TimeSpan.FromMinutes(2), "--demo", "off");
        using (var http = new HttpClient { BaseAddress = silo.BaseAddress })
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", committee);
            var view = await http.GetFromJsonAsync<System.Text.Json.JsonElement>("api/units/44");
            Assert.Equal(2, view.GetProperty("predecessors").GetArrayLength());
        }

        var page = await fixture.NewPageAsync(committee);
        await page.GotoAsync(new Uri(silo.BaseAddress, "#/unit/44?year=2025").ToString());

        await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync("Đảng bộ tỉnh Quảng Trị");
        await Expect(page.GetByTestId("unit-admin-name")).ToHaveTextAsync("Tỉnh Quảng Trị");
        var predecessors = page.GetByTestId("predecessors").Locator("tbody tr");
        await Expect(predecessors).ToHaveCountAsync(2);
        await Expect(predecessors.Nth(0)).ToContainTextAsync("Tỉnh Quảng Bình");
        await Expect(predecessors.Nth(0)).ToContainTextAsync("30/06/2025");
        await Expect(predecessors.Nth(0).Locator("[data-cell=admitted]")).ToHaveTextAsync("0");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, "reform-predecessors.png"), FullPage = true });

        await predecessors.Nth(1).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByTestId("unit-admin-name")).ToHaveTextAsync("Tỉnh Quảng Trị");
        await Expect(page.GetByTestId("former-unit")).ToContainTextAsync("30/06/2025");
        await page.GetByTestId("former-unit").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByTestId("predecessors")).ToBeVisibleAsync();
        Assert.EndsWith("#/unit/44?year=2025", page.Url, StringComparison.Ordinal);
    }
}
