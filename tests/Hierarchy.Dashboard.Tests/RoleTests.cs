using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hierarchy.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public sealed class RoleTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Admission_form_shows_the_servers_validation_next_to_the_field_and_records_a_valid_report()
    {
        var page = await fixture.NewPageAsync(fixture.BranchToken);
        await page.GotoAsync($"#/unit/{fixture.BranchId}");
        var form = page.GetByTestId("admission-form");
        await Expect(form).ToBeVisibleAsync();

        var future = DateTime.Today.AddDays(10).ToString("yyyy-MM-dd");
        await form.GetByLabel("Ngày kết nạp").FillAsync(future);
        await form.GetByLabel("Ngày sinh").FillAsync("1995-03-14");
        await form.GetByLabel("Giới tính").SelectOptionAsync("female");
        await form.GetByLabel("Trình độ học vấn").SelectOptionAsync("university");
        await form.GetByLabel("Nghề nghiệp").SelectOptionAsync("publicService");
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Expect(page.GetByTestId("error-admittedOn")).Not.ToBeEmptyAsync();
        await Expect(form.GetByLabel("Ngày kết nạp")).ToHaveAttributeAsync("aria-invalid", "true");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, "branch-form.png"), FullPage = true });

        var rows = page.GetByTestId("admissions").Locator("tbody tr");
        var before = await rows.CountAsync();
        await form.GetByLabel("Ngày kết nạp").FillAsync(DateTime.Today.ToString("yyyy-MM-dd"));
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Expect(page.GetByTestId("form-status")).ToHaveTextAsync("Đã ghi nhận kết nạp.");
        await Expect(page.GetByTestId("error-admittedOn")).ToBeEmptyAsync();
        await Expect(rows).ToHaveCountAsync(before + 1);
    }

    [Fact]
    public async Task The_branch_list_shows_only_the_year_on_screen()
    {
        var lastYear = new DateOnly(DateTime.Today.Year - 1, 3, 15);
        (await fixture.ReportAdmissionAsync(lastYear)).EnsureSuccessStatusCode();
        var page = await fixture.NewPageAsync(fixture.BranchToken);
        await page.GotoAsync($"#/unit/{fixture.BranchId}");
        var list = page.GetByTestId("admissions");
        await Expect(page.GetByTestId("admission-form")).ToBeVisibleAsync();

        // The list has loaded once it holds a table or the "no admissions" line; only then is its absence telling.
        await Expect(list.Locator("table, p").First).ToBeVisibleAsync();
        await Expect(list).Not.ToContainTextAsync(lastYear.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_branch_secretary_is_refused_the_province()
    {
        var page = await fixture.NewPageAsync(fixture.BranchToken);
        await page.GotoAsync($"#/unit/{DashboardFixture.ProvinceId}");
        await Expect(page.GetByTestId("error")).ToContainTextAsync("ngoài phạm vi");
        await Expect(page.GetByTestId("unit-name")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Board_sees_the_quota_editor_with_the_allocation_balance()
    {
        var page = await fixture.NewPageAsync(fixture.BoardToken);
        await page.GotoAsync($"#/unit/{DashboardFixture.ProvinceId}");
        await Expect(page.GetByTestId("quota-balance")).ToContainTextAsync("Tổng chỉ tiêu cấp dưới");
    }

    [Fact]
    public async Task Board_saves_a_quota_and_a_change_made_meanwhile_is_reloaded_not_overwritten()
    {
        var child = fixture.FirstPath[0];
        var page = await fixture.NewPageAsync(fixture.BoardToken);
        await page.GotoAsync($"#/unit/{DashboardFixture.ProvinceId}");
        var editor = page.GetByTestId("quota-editor");
        var input = editor.Locator($"#q-{child}");
        await Expect(input).ToBeVisibleAsync();
        var before = int.Parse(await input.InputValueAsync(), CultureInfo.InvariantCulture);
        var save = editor.GetByRole(AriaRole.Button, new() { Name = "Lưu chỉ tiêu" });

        await input.FillAsync(Text(before + 3));
        await save.ClickAsync();
        await Expect(editor.Locator(".form-status")).ToHaveTextAsync("Đã lưu chỉ tiêu.");
        Assert.Equal(before + 3, await fixture.QuotaAsync(child));

        // Another board changes the same quota while the page still holds the version it loaded.
        await fixture.SetQuotaAsync(child, before + 10);
        await input.FillAsync(Text(before + 5));
        await save.ClickAsync();
        await Expect(editor.Locator(".form-status")).ToContainTextAsync("vừa được người khác thay đổi");
        await Expect(input).ToHaveValueAsync(Text(before + 10));
        Assert.Equal(before + 10, await fixture.QuotaAsync(child));

        static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Report_shows_the_official_form_rows()
    {
        var page = await fixture.NewPageAsync(fixture.CommitteeToken);
        await page.GotoAsync($"#/report/{DashboardFixture.ProvinceId}");
        var report = page.GetByTestId("report");
        await Expect(report.GetByRole(AriaRole.Rowheader, new() { Name = "Tổng số kết nạp" })).ToBeVisibleAsync();
        await Expect(report.GetByRole(AriaRole.Rowheader, new() { Name = "Tuổi bình quân" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, "report.png"), FullPage = true });

        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        var text = await File.ReadAllTextAsync((await csv.PathAsync())!);
        Assert.Contains("Tổng số kết nạp", text);
    }

    [Fact]
    public async Task System_page_shows_the_runtime()
    {
        var page = await fixture.NewPageAsync(fixture.CommitteeToken);
        await page.GotoAsync("#/system");
        await Expect(page.GetByTestId("sys-activations")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("sys-callsPerSecond").Locator(".kpi-value")).Not.ToHaveTextAsync("–");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, "system.png"), FullPage = true });
    }
}
