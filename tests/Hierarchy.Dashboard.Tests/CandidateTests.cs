using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hierarchy.Dashboard.Tests;

/// <summary>The candidate sources: the secretary's register on the branch page, and the counts and forecast above it.</summary>
[Collection(DashboardCollection.Name)]
public sealed class CandidateTests(DashboardFixture fixture)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static string DaysAgo(int days) => DateTime.Today.AddDays(-days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_secretary_adds_a_candidate_records_the_next_stage_and_sees_the_servers_refusals()
    {
        var page = await fixture.NewPageAsync(fixture.BranchToken);
        await page.GotoAsync($"#/unit/{fixture.BranchId}");
        var form = page.GetByTestId("candidate-form");
        await Expect(form).ToBeVisibleAsync();

        // Nothing is chosen for the secretary: a form sent without the choices is refused here and never posted.
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" && request.Url.EndsWith("/candidates", StringComparison.Ordinal) ? 1 : 0;
        var add = form.GetByRole(AriaRole.Button, new() { Name = "Thêm quần chúng" });
        await form.GetByLabel("Ngày sinh").FillAsync("2001-04-12");
        await add.ClickAsync();
        var formStatus = page.GetByTestId("cand-form-status");
        await Expect(formStatus).ToContainTextAsync("Nơi giới thiệu");
        await Expect(formStatus).ToContainTextAsync("Nghề nghiệp");
        await Expect(form.GetByLabel("Giới tính")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(0, posts);

        var name = $"Nguyễn Thị Nguồn {Guid.NewGuid().ToString("N")[..6]}";
        await form.GetByLabel("Nơi giới thiệu").SelectOptionAsync("youthUnion");
        await form.GetByLabel("Ngày giới thiệu").FillAsync(DaysAgo(10));
        await form.GetByLabel("Giới tính").SelectOptionAsync("female");
        await form.GetByLabel("Trình độ học vấn").SelectOptionAsync("university");
        await form.GetByLabel("Nghề nghiệp").SelectOptionAsync("student");
        await form.GetByLabel("Họ và tên").FillAsync(name);
        await add.ClickAsync();
        await Expect(formStatus).ToHaveTextAsync("Đã thêm quần chúng.");
        await Expect(form.GetByLabel("Nơi giới thiệu")).ToHaveValueAsync("");

        var row = page.GetByTestId("candidate-list").Locator("tbody tr").Filter(new() { HasText = name });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("cand-introducer")).ToContainTextAsync("Đoàn Thanh niên");
        await Expect(row.GetByTestId("cand-stage")).ToContainTextAsync("Được giới thiệu");

        await row.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận bước tiếp theo" }).ClickAsync();
        var move = page.GetByTestId("cand-move-form");
        await Expect(move.GetByLabel("Bước")).ToHaveValueAsync("course");
        await move.GetByLabel("Ngày").FillAsync(DaysAgo(5));
        await move.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await Expect(page.GetByTestId("cand-list-status")).ToHaveTextAsync("Đã ghi nhận: Đã học lớp nhận thức về Đảng.");
        await Expect(row.GetByTestId("cand-stage")).ToContainTextAsync("Đã học lớp nhận thức về Đảng");
        await Expect(move).ToHaveCountAsync(0);

        // A date before the course is refused by the server, and its words stand next to the date.
        await row.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận bước tiếp theo" }).ClickAsync();
        await Expect(move.GetByLabel("Bước")).ToHaveValueAsync("verified");
        await move.GetByLabel("Ngày").FillAsync(DaysAgo(7));
        await move.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await Expect(move.Locator("[data-field=on] .field-error")).ToContainTextAsync("sớm hơn bước trước");
        await Expect(move.GetByLabel("Ngày")).ToHaveAttributeAsync("aria-invalid", "true");

        // Recorded meanwhile elsewhere: the page still offers the step, and the 409 naming the stage reached is shown.
        var id = await row.GetAttributeAsync("data-candidate");
        using (var http = fixture.Api(fixture.BranchToken))
        {
            using var moved = await http.PostAsJsonAsync($"api/units/{fixture.BranchId}/candidates/{id}/stages", new { stage = "verified", on = DaysAgo(1) });
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        }

        await move.GetByLabel("Ngày").FillAsync(DaysAgo(0));
        await move.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await Expect(page.GetByTestId("cand-move-status")).ToContainTextAsync("đã thẩm tra lý lịch");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, "candidates-branch.png"), FullPage = true });
    }

    [Fact]
    public async Task Dropping_a_candidate_asks_for_the_reason_and_closes_the_case()
    {
        var name = $"Trần Văn Dừng {Guid.NewGuid().ToString("N")[..6]}";
        await AddCandidateAsync(name, DateTime.Today.AddDays(-20));
        var page = await fixture.NewPageAsync(fixture.BranchToken, width: 390, height: 844);
        await page.GotoAsync($"#/unit/{fixture.BranchId}");
        var row = page.GetByTestId("candidate-list").Locator("tbody tr").Filter(new() { HasText = name });
        await row.GetByRole(AriaRole.Button, new() { Name = "Ghi nhận bước tiếp theo" }).ClickAsync();

        var move = page.GetByTestId("cand-move-form");
        var reason = move.GetByLabel("Lý do dừng xem xét");
        await Expect(reason).ToBeHiddenAsync();
        await move.GetByLabel("Bước").SelectOptionAsync("dropped");
        await Expect(reason).ToBeVisibleAsync();
        await move.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await Expect(reason).ToHaveAttributeAsync("aria-invalid", "true");

        await reason.FillAsync("Chuyển nơi cư trú");
        await move.GetByRole(AriaRole.Button, new() { Name = "Xác nhận" }).ClickAsync();
        await Expect(row.GetByTestId("cand-stage")).ToContainTextAsync("Dừng xem xét");
        await Expect(row.GetByTestId("cand-stage")).ToContainTextAsync("Chuyển nơi cư trú");
        await Expect(row.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        // On a phone each candidate is a card that fits the screen, and nothing on the secretary's page scrolls sideways.
        Assert.True(await row.EvaluateAsync<bool>("r => r.getBoundingClientRect().right <= innerWidth"), "The candidate's card runs off a 390 px screen.");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "The branch page scrolls sideways at 390 px.");
    }

    [Fact]
    public async Task Others_reading_the_branch_see_its_candidates_without_names_and_cannot_move_them()
    {
        var name = $"Lê Thị Riêng {Guid.NewGuid().ToString("N")[..6]}";
        await AddCandidateAsync(name, DateTime.Today.AddDays(-5));
        var page = await fixture.NewPageAsync(fixture.CommitteeToken);
        await page.GotoAsync($"#/unit/{fixture.BranchId}");
        var list = page.GetByTestId("candidate-list");
        await Expect(list.Locator("tbody tr")).Not.ToHaveCountAsync(0);
        await Expect(list).Not.ToContainTextAsync(name);
        await Expect(list.GetByTestId("cand-name")).ToHaveCountAsync(0);
        await Expect(list.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("candidate-form")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_ward_and_the_province_show_the_stage_counts_and_the_forecast_with_and_without_the_sources()
    {
        var ward = fixture.FirstPath[^2];
        var before = new Dictionary<string, int>
        {
            [ward] = (await PipelineAsync(ward)).GetProperty("pastResolution").GetInt32(),
            [DashboardFixture.ProvinceId] = (await PipelineAsync(DashboardFixture.ProvinceId)).GetProperty("pastResolution").GetInt32(),
        };
        var id = await AddCandidateAsync($"Phạm Văn Nghị {Guid.NewGuid().ToString("N")[..6]}", DateTime.Today.AddDays(-30));
        using (var http = fixture.Api(fixture.BranchToken))
        {
            foreach (var (stage, daysAgo) in new[] { ("course", 20), ("verified", 10), ("resolution", 0) })
            {
                (await http.PostAsJsonAsync($"api/units/{fixture.BranchId}/candidates/{id}/stages", new { stage, on = DaysAgo(daysAgo) })).EnsureSuccessStatusCode();
            }
        }

        foreach (var (unit, token) in new[] { (ward, fixture.CommitteeToken), (DashboardFixture.ProvinceId, fixture.BoardToken) })
        {
            var pipeline = await PipelineAsync(unit, p => p.GetProperty("pastResolution").GetInt32() > before[unit]);
            var projected = pipeline.GetProperty("projected").GetInt32();
            var withSources = pipeline.GetProperty("projectedWithCandidates").GetInt32();
            Assert.Equal(projected + pipeline.GetProperty("pastResolution").GetInt32(), withSources);

            var page = await fixture.NewPageAsync(token);
            await page.GotoAsync($"#/unit/{unit}");
            var section = page.GetByTestId("candidates");
            await Expect(section.GetByTestId("cand-forecast")).ToHaveTextAsync(
                $"Dự báo cuối năm: {projected.ToString("N0", Vietnamese)} · tính cả nguồn đã có nghị quyết: {withSources.ToString("N0", Vietnamese)}");
            await Expect(section.GetByTestId("cand-stage-resolution")).ToHaveTextAsync(pipeline.GetProperty("atStage").GetProperty("resolution").GetInt32().ToString("N0", Vietnamese));

            // The stages stand in the order of the procedure, dropped last.
            var stages = await section.Locator("[data-testid=cand-stages] li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.stage)");
            Assert.Equal(["introduced", "course", "verified", "resolution", "decision", "admitted", "probationary", "official", "dropped"], stages);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, $"candidates-{unit}.png"), FullPage = true });
        }

        // The ward's table gives the branch its past-resolution count, and sorts by it, the most first.
        var wardPage = await fixture.NewPageAsync(fixture.CommitteeToken);
        await wardPage.GotoAsync($"#/unit/{ward}");
        var children = wardPage.GetByTestId("children");
        var branchRow = children.Locator($"tr[data-unit='{fixture.BranchId}']");
        await Expect(branchRow.GetByTestId("child-cand-past")).Not.ToHaveTextAsync(new Regex("^(–|0)$"));
        await children.GetByRole(AriaRole.Button, new() { Name = "Sắp xếp theo Đã có nghị quyết" }).ClickAsync();
        var column = await children.GetByTestId("child-cand-past").AllTextContentsAsync();
        var values = column.Select(v => v == "–" ? -1 : int.Parse(v, NumberStyles.AllowThousands, Vietnamese)).ToList();
        Assert.Equal(values.OrderByDescending(v => v), values);
    }

    [Fact]
    public async Task On_a_phone_the_sources_fit_the_screen_and_the_children_keep_them_under_their_names()
    {
        var page = await fixture.NewPageAsync(fixture.CommitteeToken, width: 390, height: 844);
        await page.GotoAsync($"#/unit/{DashboardFixture.ProvinceId}");
        var section = page.GetByTestId("candidates");
        await Expect(section.GetByTestId("cand-forecast")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "The province page scrolls sideways at 390 px.");
        Assert.True(await section.EvaluateAsync<bool>("s => s.scrollWidth <= s.clientWidth"), "The sources section runs off a 390 px screen.");

        // The three columns give way on a phone; what they say stays under each child's name.
        var children = page.GetByTestId("children");
        await Expect(children.Locator("th.cand-col").First).ToBeHiddenAsync();
        await Expect(children.GetByTestId("child-cand-brief").First).ToBeVisibleAsync();
        await section.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, "candidates-phone.png") });
    }

    /// <summary>Adds a candidate at the fixture's branch as its secretary and returns its id.</summary>
    private async Task<string> AddCandidateAsync(string name, DateTime introducedOn)
    {
        using var http = fixture.Api(fixture.BranchToken);
        using var response = await http.PostAsJsonAsync($"api/units/{fixture.BranchId}/candidates", new
        {
            idempotencyKey = Guid.NewGuid().ToString(),
            introducedBy = "members",
            introducedOn = introducedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            gender = "male",
            birthDate = introducedOn.AddYears(-24).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            youthUnion = true,
            ethnicMinority = false,
            religious = false,
            privateBusinessOwner = false,
            education = "upperSecondary",
            occupation = "enterpriseWorker",
            name,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>A unit's pipeline once it satisfies the condition: candidates roll up to the parents after the branch answers.</summary>
    private async Task<JsonElement> PipelineAsync(string unitId, Func<JsonElement, bool>? until = null)
    {
        using var http = fixture.Api(fixture.CommitteeToken);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var pipeline = (await http.GetFromJsonAsync<JsonElement>($"api/units/{unitId}")).GetProperty("pipeline");
            if (until is null || until(pipeline))
            {
                return pipeline;
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"The pipeline of {unitId} did not reach the expected figures: {pipeline}");
            }

            await Task.Delay(100);
        }
    }
}
