using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hierarchy.Dashboard.Tests;

/// <summary>The branch secretary's reporting, as they meet it on a phone.</summary>
[Collection(DashboardCollection.Name)]
public sealed class BranchFormTests(DashboardFixture fixture)
{
    [Fact]
    public async Task On_a_phone_the_secretarys_form_is_on_the_first_screen()
    {
        var page = await fixture.NewPageAsync(fixture.BranchToken, width: 390, height: 844);
        await page.GotoAsync($"#/unit/{fixture.BranchId}");
        var form = page.GetByTestId("admission-form");
        await Expect(form).ToBeVisibleAsync();
        var box = await form.BoundingBoxAsync();
        Assert.True(box!.Y < 844, $"The form starts {box.Y:0} px down, below the first screen.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, "branch-phone.png") });
    }

    [Fact]
    public async Task Gender_education_and_occupation_must_be_chosen_and_the_refusal_names_them()
    {
        var page = await fixture.NewPageAsync(fixture.BranchToken);
        await page.GotoAsync($"#/unit/{fixture.BranchId}");
        var form = page.GetByTestId("admission-form");
        await Expect(form).ToBeVisibleAsync();
        foreach (var label in new[] { "Giới tính", "Trình độ học vấn", "Nghề nghiệp" })
        {
            await Expect(form.GetByLabel(label)).ToHaveValueAsync("");
        }

        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" && request.Url.EndsWith("/admissions", StringComparison.Ordinal) ? 1 : 0;
        await form.GetByLabel("Ngày sinh").FillAsync("1995-03-14");
        await form.GetByLabel("Giới tính").SelectOptionAsync("male");
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();

        var status = page.GetByTestId("form-status");
        await Expect(status).ToContainTextAsync("Trình độ học vấn");
        await Expect(status).ToContainTextAsync("Nghề nghiệp");
        await Expect(status).Not.ToContainTextAsync("Giới tính");
        await Expect(page.GetByTestId("error-education")).Not.ToBeEmptyAsync();
        await Expect(form.GetByLabel("Nghề nghiệp")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(0, posts);
    }

    [Fact]
    public async Task The_csv_template_has_the_header_the_upload_reads()
    {
        var page = await fixture.NewPageAsync(fixture.BranchToken);
        await page.GotoAsync($"#/unit/{fixture.BranchId}");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("csv-template").ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var text = await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8);
        Assert.Equal("idempotencyKey,admittedOn,gender,birthDate,youthUnion,ethnicMinority,religious,privateBusinessOwner,education,occupation,name", text.TrimStart('\uFEFF').Trim());
    }

    [Fact]
    public async Task The_secretary_sees_the_names_typed_and_when_each_row_was_recorded_to_the_second()
    {
        var page = await fixture.NewPageAsync(fixture.BranchToken);
        await page.GotoAsync($"#/unit/{fixture.BranchId}");
        var form = page.GetByTestId("admission-form");
        var name = $"Phạm Thị Thử {Guid.NewGuid().ToString("N")[..6]}";
        await form.GetByLabel("Ngày kết nạp").FillAsync(DateTime.Today.ToString("yyyy-MM-dd"));
        await form.GetByLabel("Ngày sinh").FillAsync("1990-05-20");
        await form.GetByLabel("Giới tính").SelectOptionAsync("female");
        await form.GetByLabel("Trình độ học vấn").SelectOptionAsync("university");
        await form.GetByLabel("Nghề nghiệp").SelectOptionAsync("farmer");
        await form.GetByLabel("Họ và tên").FillAsync(name);
        await form.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo" }).ClickAsync();
        await Expect(page.GetByTestId("form-status")).ToHaveTextAsync("Đã ghi nhận kết nạp.");

        var row = page.GetByTestId("admissions").Locator("tbody tr").Filter(new() { HasText = name });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("recorded-at")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}$"));
        await Expect(form.GetByLabel("Giới tính")).ToHaveValueAsync("");
    }
}
