using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hierarchy.Dashboard.Tests;

/// <summary>The A4 print of a unit: a letterhead, the time the figures are from, every column, room to sign.</summary>
[Collection(DashboardCollection.Name)]
public sealed class PrintTests(DashboardFixture fixture)
{
    [Fact]
    public async Task A_ward_prints_with_letterhead_as_of_time_the_projection_column_and_signatures()
    {
        // A4 at 96 dpi is 794 px wide: narrower than the phone breakpoint, which must not apply to paper.
        var page = await fixture.NewPageAsync(fixture.CommitteeToken, width: 794, height: 1123);
        await page.GotoAsync($"#/unit/{fixture.FirstPath[1]}");
        await Expect(page.GetByTestId("children").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        await Expect(page.GetByTestId("letterhead")).ToBeHiddenAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var letterhead = page.GetByTestId("letterhead");
        await Expect(letterhead).ToBeVisibleAsync();
        await Expect(letterhead).ToContainTextAsync("THÀNH PHỐ ĐÀ NẴNG");
        await Expect(page.GetByTestId("print-as-of")).ToHaveTextAsync(new Regex(@"^Số liệu tính đến \d{2}/\d{2}/\d{4} \d{2}:\d{2}$"));
        await Expect(page.GetByTestId("signatures")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signatures")).ToContainTextAsync("Ký, ghi rõ họ tên");

        var projection = page.GetByTestId("children").Locator("thead th").Nth(4);
        await Expect(projection).ToContainTextAsync("Dự báo cuối năm");
        await Expect(projection).ToBeVisibleAsync();

        // The children's table may run on to the next page: held together, it would leave the first page half empty.
        var breaks = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.card.children')).breakInside");
        Assert.NotEqual("avoid", breaks);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, "ward-print.png"), FullPage = true });
    }

    [Fact]
    public async Task The_report_prints_with_the_letterhead_and_signatures_too()
    {
        var page = await fixture.NewPageAsync(fixture.CommitteeToken, width: 794, height: 1123);
        await page.GotoAsync($"#/report/{fixture.FirstPath[0]}");
        await Expect(page.GetByTestId("report")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.GetByTestId("letterhead")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("signatures")).ToBeVisibleAsync();
    }
}
