using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hierarchy.Dashboard.Tests;

/// <summary>
/// Closing a period on the dashboard: the children table shows who has closed, a secretary closes the branch, the board
/// closes the ward once every branch has, a late report is refused on the form, and the board reopens.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class ClosingTests(DashboardFixture fixture)
{
    /// <summary>Last year's six-month report: over whatever today is, so it can be closed, and no other test reports into it.</summary>
    private static readonly int Year = DateTime.Today.Year - 1;

    private static readonly string Period = $"{Year}-H1";

    [Fact]
    public async Task The_ward_closes_once_every_branch_has_and_the_board_reopens_it()
    {
        var (ward, branches) = await SmallestWardAsync();
        // One secretary each, made one after the other: every `users add` is a process of its own, and a dozen at once
        // on a busy machine outlast the command's timeout.
        var tokens = new List<string>();
        foreach (var branch in branches)
        {
            tokens.Add(await fixture.Silo.AddUserAsync(branch.Id, "branch", $"Bí thư {branch.Name}"));
        }

        try
        {
            // Every branch but the first closes through the API; the first one's secretary closes on the page.
            for (var i = 1; i < branches.Count; i++)
            {
                using var http = fixture.Api(tokens[i]);
                (await http.PostAsJsonAsync($"api/units/{branches[i].Id}/closings", new { period = Period })).EnsureSuccessStatusCode();
            }

            var board = await fixture.NewPageAsync(fixture.BoardToken);
            await board.GotoAsync($"#/unit/{ward}?year={Year}");
            var firstHalf = board.GetByTestId("closing").Locator($"[data-period='{Period}']");
            var children = board.GetByTestId("children");
            await Expect(children.Locator($"[data-testid=child-closing] [data-period='{Period}'][data-closed=true]")).ToHaveCountAsync(branches.Count - 1);
            await Expect(children.Locator($"tr[data-unit='{branches[0].Id}'] [data-period='{Period}']")).ToHaveAttributeAsync("data-closed", "false");
            await Expect(firstHalf.GetByTestId("close-period")).ToBeDisabledAsync();
            await Expect(firstHalf.GetByTestId("closing-hint")).ToContainTextAsync(branches[0].Name);
            await Expect(firstHalf.GetByTestId("closing-children")).ToHaveTextAsync($"{branches.Count - 1}/{branches.Count} đơn vị trực thuộc đã khóa sổ");
            await ScreenshotsAsync(board, "closing-ward-waiting");

            var secretary = await fixture.NewPageAsync(tokens[0]);
            await secretary.GotoAsync($"#/unit/{branches[0].Id}?year={Year}");
            var own = secretary.GetByTestId("closing").Locator($"[data-period='{Period}']");
            await own.GetByTestId("close-period").ClickAsync();
            await Expect(own.GetByTestId("closing-status")).ToContainTextAsync("Đã khóa sổ");
            await Expect(own.GetByTestId("closing-status")).ToContainTextAsync($"Bí thư {branches[0].Name}");

            // A late report on the form: refused next to its date, naming the closing.
            var form = secretary.GetByTestId("admission-form");
            await form.GetByLabel("Ngày kết nạp").FillAsync($"{Year}-03-10");
            await form.GetByLabel("Ngày sinh").FillAsync($"{Year - 25}-05-01");
            await form.GetByLabel("Giới tính").SelectOptionAsync("female");
            await form.GetByLabel("Trình độ học vấn").SelectOptionAsync("university");
            await form.GetByLabel("Nghề nghiệp").SelectOptionAsync("farmer");
            await form.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
            await Expect(secretary.GetByTestId("error-admittedOn")).ToContainTextAsync($"6 tháng đầu năm {Year} đã khóa sổ");
            await Expect(secretary.GetByTestId("error-admittedOn")).ToContainTextAsync($"Bí thư {branches[0].Name}");

            // The board's page follows the branch's closing, and the ward closes.
            await Expect(firstHalf.GetByTestId("close-period")).ToBeEnabledAsync();
            await firstHalf.GetByTestId("close-period").ClickAsync();
            await Expect(firstHalf.GetByTestId("closing-status")).ToContainTextAsync("Đã khóa sổ");
            await Expect(firstHalf.GetByTestId("closing-status")).ToContainTextAsync("Dashboard test board");
            await Expect(board.GetByTestId("closing")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bis-closed\b"));
            await ScreenshotsAsync(board, "closing-ward-closed");
            await board.ReloadAsync();
            await Expect(board.GetByTestId("audit").Locator("tbody tr").First).ToContainTextAsync($"Khóa sổ 6 tháng đầu năm {Year}");

            // The secretary cannot reopen the branch alone now; the page says whose closing holds it.
            await secretary.ReloadAsync();
            await own.GetByTestId("reopen-period").ClickAsync();
            await own.GetByRole(AriaRole.Button, new() { Name = "Mở lại", Exact = true }).ClickAsync();
            await Expect(secretary.GetByTestId("closing-message")).ToContainTextAsync("Kỳ này được mở lại từ đơn vị cấp trên.");
            await Expect(own.GetByTestId("closing-status")).ToContainTextAsync("Đã khóa sổ");

            // The board reopens the ward and every branch with it, after confirming.
            await firstHalf.GetByTestId("reopen-period").ClickAsync();
            await Expect(firstHalf).ToContainTextAsync("mọi đơn vị trực thuộc đã khóa sổ?");
            await firstHalf.GetByRole(AriaRole.Button, new() { Name = "Mở lại", Exact = true }).ClickAsync();
            await Expect(firstHalf.GetByTestId("closing-status")).ToHaveTextAsync("Chưa khóa sổ");
            await Expect(children.Locator($"[data-testid=child-closing] [data-period='{Period}'][data-closed=true]")).ToHaveCountAsync(0);
            await board.ReloadAsync();
            await Expect(board.GetByTestId("audit").Locator("tbody tr").First).ToContainTextAsync($"Mở lại 6 tháng đầu năm {Year}");
        }
        finally
        {
            // Whatever the test left closed is opened again, the ward first, for the tests after it.
            using var http = fixture.Api(fixture.BoardToken);
            await http.DeleteAsync($"api/units/{ward}/closings/{Period}");
            foreach (var branch in branches)
            {
                await http.DeleteAsync($"api/units/{branch.Id}/closings/{Period}");
            }
        }
    }

    private async Task ScreenshotsAsync(IPage page, string name)
    {
        foreach (var (width, height) in new[] { (1440, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.GetByTestId("closing").ScrollIntoViewIfNeededAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, $"{name}-{width}.png") });
        }

        await page.SetViewportSizeAsync(1280, 900);
    }

    /// <summary>The ward of the first district with the fewest branches, other than the one other tests report into; its branches in name order.</summary>
    private async Task<(string Ward, IReadOnlyList<(string Id, string Name)> Branches)> SmallestWardAsync()
    {
        using var http = fixture.Api(fixture.CommitteeToken);
        var district = await http.GetFromJsonAsync<JsonElement>($"api/units/{fixture.FirstPath[0]}");
        var wards = district.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).Where(id => id != fixture.FirstPath[1]).ToList();
        var views = await Task.WhenAll(wards.Select(id => http.GetFromJsonAsync<JsonElement>($"api/units/{id}?year={Year}")));
        var smallest = views.OrderBy(v => v.GetProperty("children").GetArrayLength()).First();
        var branches = smallest.GetProperty("children").EnumerateArray()
            .Select(c => (c.GetProperty("id").GetString()!, c.GetProperty("name").GetString()!))
            .ToList();
        return (smallest.GetProperty("id").GetString()!, branches);
    }
}
