using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using static Microsoft.Playwright.Assertions;

namespace Hierarchy.Dashboard.Tests;

/// <summary>Units are listed as people read them: "Tổ dân phố 2" before "Tổ dân phố 10", on screen and in the export.</summary>
[Collection(DashboardCollection.Name)]
public sealed class NaturalOrderTests(DashboardFixture fixture)
{
    private static readonly StringComparer Natural = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), CompareOptions.NumericOrdering);

    [Fact]
    public async Task A_wards_branches_are_in_natural_name_order_in_the_table_and_the_csv()
    {
        var ward = await WardWithManyNumberedBranchesAsync();
        var page = await fixture.NewPageAsync(fixture.CommitteeToken);
        await page.GotoAsync($"#/unit/{ward}");
        var names = page.GetByTestId("children").Locator("tbody th a");
        await Expect(names).Not.ToHaveCountAsync(0);

        var shown = await names.AllTextContentsAsync();
        Assert.True(shown.Count(n => n.Any(char.IsDigit)) > 10, "The demo ward should have numbered branches past 10.");
        Assert.Equal(shown.Order(Natural), shown);

        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        var lines = (await File.ReadAllTextAsync((await csv.PathAsync())!, Encoding.UTF8)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(shown, lines.Skip(2).Select(l => l.Split(',')[0].Trim('"')));
    }

    /// <summary>A ward of the demo's first district whose branches are numbered past 10, where text order and natural order differ.</summary>
    private async Task<string> WardWithManyNumberedBranchesAsync()
    {
        using var http = fixture.Api(fixture.CommitteeToken);
        var district = await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"api/units/{fixture.FirstPath[0]}");
        foreach (var child in district.GetProperty("children").EnumerateArray())
        {
            var id = child.GetProperty("id").GetString()!;
            var ward = await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"api/units/{id}");
            if (ward.GetProperty("children").EnumerateArray().Count(c => c.GetProperty("name").GetString()!.Any(char.IsDigit)) > 10)
            {
                return id;
            }
        }

        throw new InvalidOperationException("No ward of the demo's first district has more than ten numbered branches.");
    }
}
