using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hierarchy.Dashboard.Tests;

/// <summary>
/// The indicators the resolutions set, on the unit page: the four figures summed over the ward and its branch against
/// the ward's targets, each child's figures, the CSV, and the board's form with the silo's refusals next to the fields.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class IndicatorTests(DashboardFixture fixture)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static readonly int Year = DateTime.Today.Year;

    [Fact]
    public async Task The_ward_shows_its_figures_against_its_targets_and_the_board_edits_them_on_the_form()
    {
        var (ward, branch, otherBranch, branchCount) = await WardAsync();
        var before = await IndicatorsAsync(ward);
        var members = before.GetProperty("members").GetInt32();
        var youth = before.GetProperty("youthUnionIntroductions").GetInt32();
        Assert.True(members * 40 > 3_000, $"The ward {ward} has too few members ({members}) for the figures below.");

        // One candidate introduced by the youth union: the count comes from the register, not from what a board enters.
        var secretary = await fixture.Silo.AddUserAsync(branch, "branch", "Bí thư chỉ tiêu");
        await AddYouthCandidateAsync(branch, secretary);

        // The branch holds 3,000 people and 10 groups; the ward the rest, so that members are exactly 2.5 % of everyone.
        var population = members * 40;
        try
        {
            await PutAsync(branch, new { population = 3_000, residentialGroups = 10, groupsWithoutMembers = 1, groupLeaders = 10, leadersWhoAreMembers = 9 });
            await PutAsync(ward, new
            {
                population = population - 3_000, residentialGroups = 30, groupsWithoutMembers = 2, groupLeaders = 30, leadersWhoAreMembers = 20,
                targets = new { membersPerPopulationPercent = 2.4m, groupsWithoutMembers = 0, leaderSharePercent = 70m, youthUnionIntroductions = youth + 5 },
            });
            var totals = await IndicatorsAsync(ward, i => i.GetProperty("reporting").GetInt32() == 2 && i.GetProperty("youthUnionIntroductions").GetInt32() == youth + 1);
            Assert.Equal(2.5, totals.GetProperty("membersPerPopulationPercent").GetDouble());
            var branchFigures = (await ChildIndicatorsAsync(ward))[branch];

            // A committee reads the section, and has no form.
            var page = await fixture.NewPageAsync(fixture.CommitteeToken);
            await page.GotoAsync($"#/unit/{ward}?year={Year}");
            var section = page.GetByTestId("indicators");
            await Expect(section.Locator("h2")).ToHaveTextAsync($"Chỉ tiêu theo nghị quyết năm {Year}");
            await Expect(section.GetByTestId("ind-population")).ToHaveTextAsync($"{N(population)} người");
            await Expect(section.GetByTestId("ind-members")).ToHaveTextAsync(N(members));
            await Expect(section.GetByTestId("ind-reporting")).ToHaveTextAsync("Số liệu của 2 đơn vị");

            await ExpectCardAsync(section, "membersPerPopulation", "2,50%", "Chỉ tiêu: 2,4%", "met", "Đạt");
            await Expect(section.GetByTestId("ind-membersPerPopulation").GetByTestId("ind-detail")).ToHaveTextAsync($"{N(members)} đảng viên / {N(population)} dân");
            await ExpectCardAsync(section, "groupsWithoutMembers", "3", "Chỉ tiêu: không còn tổ nào chưa có đảng viên", "unmet", "Chưa đạt");
            await Expect(section.GetByTestId("ind-groupsWithoutMembers").GetByTestId("ind-progress")).ToHaveTextAsync("37/40 tổ đã có đảng viên");
            await ExpectCardAsync(section, "leaderShare", "72,5%", "Chỉ tiêu: 70%", "met", "Đạt");
            await ExpectCardAsync(section, "youthUnionIntroductions", N(youth + 1), $"Chỉ tiêu: {N(youth + 5)} quần chúng", "unmet", "Chưa đạt");
            await Expect(section.GetByTestId("ind-edit")).ToHaveCountAsync(0);
            await Expect(section.GetByTestId("ind-form")).ToHaveCountAsync(0);
            await Expect(section.GetByTestId("ind-upload")).ToHaveCountAsync(0);

            // The branch's shares are weighed against the ward's targets, as it has none of its own; its count of groups is not.
            var children = section.GetByTestId("ind-children");
            var row = children.Locator($"tr[data-unit='{branch}']");
            var branchShare = branchFigures.GetProperty("membersPerPopulationPercent").GetDouble();
            await Expect(row.GetByTestId("ind-child-membersPerPopulation").GetByTestId("ind-child-value")).ToContainTextAsync(Percent(branchShare, 2));
            await Expect(row.GetByTestId("ind-child-membersPerPopulation")).ToHaveAttributeAsync("data-state", branchShare >= 2.4 ? "met" : "unmet");
            await Expect(row.GetByTestId("ind-child-leaderShare").GetByTestId("ind-child-value")).ToContainTextAsync("90,0%");
            await Expect(row.GetByTestId("ind-child-leaderShare")).ToHaveAttributeAsync("data-state", "met");
            await Expect(row.GetByTestId("ind-child-groupsWithoutMembers").GetByTestId("ind-child-value")).ToHaveTextAsync("1");
            await Expect(row.GetByTestId("ind-child-groupsWithoutMembers")).ToHaveAttributeAsync("data-state", "none");
            // A branch without figures is a row marked as such when it has introductions of its own, else it is named under the table.
            var other = section.Locator(
                $"tr[data-unit='{otherBranch}'] [data-testid=ind-child-membersPerPopulation][data-state=empty], [data-testid=ind-children-missing] a[href^='#/unit/{otherBranch}?']");
            await Expect(other).ToHaveCountAsync(1);
            await Expect(section.GetByTestId("ind-children-reporting")).ToHaveTextAsync($"1/{branchCount} đơn vị trực thuộc đã nhập số liệu");
            await ScreenshotsAsync(page, section, "indicators-ward", "start");

            // The silo's CSV, in both separators, holds the ward's totals.
            foreach (var (button, separator, share) in new[] { ("ind-csv", ',', "2.5"), ("ind-csv-semicolon", ';', "2,5") })
            {
                var download = await page.RunAndWaitForDownloadAsync(() => section.GetByTestId(button).ClickAsync());
                var lines = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
                var header = lines[0].Split(separator).ToList();
                var wardLine = lines.Single(l => l.StartsWith(ward + separator, StringComparison.Ordinal)).Split(separator);
                Assert.Equal(N0(population), wardLine[header.IndexOf("population")]);
                Assert.Equal(share, wardLine[header.IndexOf("membersPerPopulationPercent")]);
                Assert.Equal("yes", wardLine[header.IndexOf("leaderShareMet")]);
                Assert.Contains(lines, l => l.StartsWith(branch + separator, StringComparison.Ordinal));
            }

            // The board opens the form on the ward's own entry, saves a change and sees the section follow it.
            var board = await fixture.NewPageAsync(fixture.BoardToken);
            await board.GotoAsync($"#/unit/{ward}?year={Year}");
            var boardSection = board.GetByTestId("indicators");
            await Expect(board.GetByTestId("audit").Locator("tbody tr").First).ToContainTextAsync($"Chỉ tiêu nghị quyết năm {Year}: dân số {N(population - 3_000)}, 30 tổ dân phố, thôn, ấp (2 chưa có đảng viên)");
            var form = boardSection.GetByTestId("ind-form");
            await Expect(form).ToBeHiddenAsync();
            await boardSection.GetByTestId("ind-edit").ClickAsync();
            await Expect(form).ToBeVisibleAsync();
            var leaders = Field(form, "leadersWhoAreMembers");
            var leaderTarget = Field(form, "targets.leaderSharePercent");
            await Expect(Field(form, "population")).ToHaveValueAsync(N0(population - 3_000));
            await Expect(leaders).ToHaveValueAsync("20");
            await Expect(leaderTarget).ToHaveValueAsync("70");
            await Expect(form.GetByTestId("ind-below-population")).ToHaveTextAsync($"Cấp dưới đã nhập: {N(3_000)} · toàn đơn vị: {N(population)}");

            await leaders.FillAsync("26");
            await leaderTarget.FillAsync("90");
            await form.GetByRole(AriaRole.Button, new() { Name = "Lưu số liệu, chỉ tiêu" }).ClickAsync();
            await Expect(form.GetByTestId("ind-form-status")).ToHaveTextAsync("Đã lưu số liệu, chỉ tiêu.");
            await ExpectCardAsync(boardSection, "leaderShare", "87,5%", "Chỉ tiêu: 90%", "unmet", "Chưa đạt");
            var saved = await IndicatorsAsync(ward);
            Assert.Equal(26, saved.GetProperty("own").GetProperty("leadersWhoAreMembers").GetInt32());
            Assert.Equal(90m, saved.GetProperty("targets").GetProperty("leaderSharePercent").GetDecimal());

            // What the silo refuses is said next to each field, in its words, and nothing is saved.
            await leaders.FillAsync("31");
            await leaderTarget.FillAsync("150");
            await form.GetByRole(AriaRole.Button, new() { Name = "Lưu số liệu, chỉ tiêu" }).ClickAsync();
            await Expect(form.GetByTestId("ind-error-targets.leaderSharePercent")).ToHaveTextAsync("Tỷ lệ là phần trăm, từ 0 đến 100.");
            await Expect(leaderTarget).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(form.GetByTestId("ind-error-leadersWhoAreMembers")).ToContainTextAsync("không được lớn hơn");
            await Expect(leaders).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(form.GetByTestId("ind-error-population")).ToBeEmptyAsync();
            await Expect(form.GetByTestId("ind-form-status")).ToHaveTextAsync("Vui lòng sửa các lỗi được đánh dấu.");
            Assert.Equal(26, (await IndicatorsAsync(ward)).GetProperty("own").GetProperty("leadersWhoAreMembers").GetInt32());
            await ExpectCardAsync(boardSection, "leaderShare", "87,5%", "Chỉ tiêu: 90%", "unmet", "Chưa đạt");
            await ScreenshotsAsync(board, form.Locator("[data-field='leadersWhoAreMembers']"), "indicators-editor", "center");

            // Another board saves while this form is open: this save is refused, and the form shows what stands now.
            await leaders.FillAsync("27");
            await leaderTarget.FillAsync("90");
            var standing = await IndicatorsAsync(ward);
            var rival = JsonNode.Parse(standing.GetProperty("own").GetRawText())!.AsObject();
            rival["leadersWhoAreMembers"] = 28;
            rival["targets"] = JsonNode.Parse(standing.GetProperty("targets").GetRawText());
            await PutAsync(ward, rival);
            await form.GetByRole(AriaRole.Button, new() { Name = "Lưu số liệu, chỉ tiêu" }).ClickAsync();
            await Expect(form.GetByTestId("ind-form-status")).ToContainTextAsync("đã được thay đổi sau khi tải");
            await Expect(leaders).ToHaveValueAsync("28");
            Assert.Equal(28, (await IndicatorsAsync(ward)).GetProperty("own").GetProperty("leadersWhoAreMembers").GetInt32());
        }
        finally
        {
            // An empty entry removes the unit's figures and targets for the year, for the tests after this one.
            await PutAsync(ward, new { });
            await PutAsync(branch, new { });
        }
    }

    [Fact]
    public async Task A_branch_with_nothing_entered_says_so_and_the_section_reads_in_english()
    {
        var branch = await UntouchedBranchAsync();
        var youth = (await IndicatorsAsync(branch)).GetProperty("youthUnionIntroductions").GetInt32();
        var page = await fixture.NewPageAsync(fixture.CommitteeToken, width: 390, height: 844);
        await page.GotoAsync($"#/unit/{branch}?year={Year}");
        var section = page.GetByTestId("indicators");
        await Expect(section.GetByTestId("ind-reporting")).ToHaveTextAsync("Chưa đơn vị nào nhập số liệu");
        await Expect(section.GetByTestId("ind-population")).ToHaveTextAsync("chưa nhập");
        await ExpectStateAsync(section, "membersPerPopulation", "empty", "Chưa nhập số liệu");
        await Expect(section.GetByTestId("ind-membersPerPopulation").GetByTestId("ind-detail")).ToHaveTextAsync("Chưa nhập dân số");
        await ExpectStateAsync(section, "groupsWithoutMembers", "empty", "Chưa nhập số liệu");
        await ExpectStateAsync(section, "leaderShare", "empty", "Chưa nhập số liệu");
        await ExpectStateAsync(section, "youthUnionIntroductions", "none", "Chưa có chỉ tiêu");
        await Expect(section.GetByTestId("ind-youthUnionIntroductions").GetByTestId("ind-value")).ToHaveTextAsync(N(youth));
        await Expect(section.GetByTestId("ind-progress")).ToHaveCountAsync(0);
        // A branch has nothing below it to list.
        await Expect(section.GetByTestId("ind-children")).ToHaveCountAsync(0);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "The branch page scrolls sideways at 390 px.");

        await page.Locator("#lang-switch").ClickAsync();
        await Expect(section.Locator("h2")).ToHaveTextAsync($"Indicators set by the {Year} resolution");
        await Expect(section.GetByTestId("ind-reporting")).ToHaveTextAsync("No unit has entered figures yet");
        await Expect(section.GetByTestId("ind-membersPerPopulation").Locator("h3")).ToHaveTextAsync("Party members against the population");
        await ExpectStateAsync(section, "membersPerPopulation", "empty", "Not entered");
        await ExpectStateAsync(section, "youthUnionIntroductions", "none", "No target");
        await Expect(section.GetByTestId("ind-csv")).ToHaveTextAsync("Download indicators CSV");
        await section.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, "indicators-branch-en-390.png") });
    }

    [Fact]
    public async Task The_board_uploads_a_file_of_figures_from_the_template_and_a_bad_file_is_refused_line_by_line()
    {
        var (ward, branch, _, _) = await WardAsync();
        List<string> branches;
        using (var http = fixture.Api(fixture.CommitteeToken))
        {
            branches = Ids(await http.GetFromJsonAsync<JsonElement>($"api/units/{ward}"));
        }

        var before = await IndicatorsAsync(ward);
        var elsewhere = Population(before) - Own(before, "population") - Own(await IndicatorsAsync(branch), "population");
        try
        {
            var page = await fixture.NewPageAsync(fixture.BoardToken);
            await page.GotoAsync($"#/unit/{ward}?year={Year}");
            var section = page.GetByTestId("indicators");
            var upload = section.GetByTestId("ind-upload");
            await Expect(upload.Locator("h3")).ToHaveTextAsync("Tải lên tệp CSV");
            await Expect(upload.GetByTestId("ind-upload-errors")).ToBeHiddenAsync();

            // The template names every unit below the ward, each with its cells empty, for the board to fill in.
            var download = await page.RunAndWaitForDownloadAsync(() => upload.GetByTestId("ind-upload-template").ClickAsync());
            var lines = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(
                "unitId,population,residentialGroups,groupsWithoutMembers,groupLeaders,leadersWhoAreMembers,targetMembersPerPopulationPercent,targetGroupsWithoutMembers,targetLeaderSharePercent,targetYouthUnionIntroductions",
                lines[0]);
            Assert.Equal(branches.Select(id => id + new string(',', 9)).Order(StringComparer.Ordinal), lines.Skip(1).Order(StringComparer.Ordinal));

            // The ward's and one branch's population, and the ward's target written with a decimal comma as Excel in Vietnamese writes it.
            var file = upload.GetByTestId("ind-upload-file");
            await file.SetInputFilesAsync(Csv($"unitId,population,targetMembersPerPopulationPercent\n{ward},5000,\"3,85\"\n{branch},1200,\n"));
            await upload.GetByTestId("ind-upload-button").ClickAsync();
            await Expect(upload.GetByTestId("ind-upload-status")).ToHaveTextAsync("Đã nhập số liệu của 2 đơn vị");
            await Expect(section.GetByTestId("ind-population")).ToHaveTextAsync($"{N(elsewhere + 6_200)} người");
            await Expect(section.GetByTestId("ind-membersPerPopulation").GetByTestId("ind-target")).ToHaveTextAsync("Chỉ tiêu: 3,85%");
            Assert.Equal(1_200, Own(await IndicatorsAsync(branch), "population"));

            // A file with an unknown unit and a figure that is no number: every line is named, and nothing is recorded.
            await file.SetInputFilesAsync(Csv($"unitId,population\nkhong-co-don-vi,100\n{branch},abc\n{ward},7000\n"));
            await upload.GetByTestId("ind-upload-button").ClickAsync();
            await Expect(upload.GetByTestId("ind-upload-status")).ToHaveTextAsync("Tệp chưa được nhập: hãy sửa các dòng này rồi tải lên lại.");
            await Expect(upload.GetByTestId("ind-upload-errors").Locator("li")).ToHaveTextAsync(["Dòng 2: Không có đơn vị 'khong-co-don-vi'.", "Dòng 3: 'abc' không phải số nguyên."]);
            var after = await IndicatorsAsync(ward);
            Assert.Equal(5_000, Own(after, "population"));
            Assert.Equal(elsewhere + 6_200, Population(after));
            Assert.Equal(1_200, Own(await IndicatorsAsync(branch), "population"));
            await Expect(section.GetByTestId("ind-population")).ToHaveTextAsync($"{N(elsewhere + 6_200)} người");
            await ScreenshotsAsync(page, upload, "indicators-upload", "center");
        }
        finally
        {
            await PutAsync(ward, new { });
            await PutAsync(branch, new { });
        }
    }

    private static async Task ExpectCardAsync(ILocator section, string key, string value, string target, string state, string stateText)
    {
        var card = section.GetByTestId($"ind-{key}");
        await Expect(card.GetByTestId("ind-value")).ToHaveTextAsync(value);
        await Expect(card.GetByTestId("ind-target")).ToHaveTextAsync(target);
        await ExpectStateAsync(section, key, state, stateText);
    }

    private static async Task ExpectStateAsync(ILocator section, string key, string state, string stateText)
    {
        var card = section.GetByTestId($"ind-{key}");
        await Expect(card).ToHaveAttributeAsync("data-state", state);
        await Expect(card.GetByTestId("ind-state")).ToHaveTextAsync(stateText);
    }

    private static ILocator Field(ILocator form, string name) => form.Locator($"[data-field='{name}'] input");

    /// <summary>A part of the page at a desktop's and a phone's width, and nothing on the page wider than the screen.</summary>
    private static async Task ScreenshotsAsync(IPage page, ILocator part, string name, string block)
    {
        foreach (var (width, height) in new[] { (1440, 900), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            await part.EvaluateAsync("(e, block) => e.scrollIntoView({ block })", block);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, $"{name}-{width}.png") });
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), $"The page scrolls sideways at {width} px.");
        }

        await page.SetViewportSizeAsync(1280, 900);
    }

    private async Task PutAsync(string unitId, object body)
    {
        using var http = fixture.Api(fixture.BoardToken);
        using var response = await http.PutAsJsonAsync($"api/units/{unitId}/indicators/{Year}", body);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT indicators of {unitId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A unit's indicators once they satisfy the condition: a child's figures reach the parent after it answers.</summary>
    private async Task<JsonElement> IndicatorsAsync(string unitId, Func<JsonElement, bool>? until = null)
    {
        using var http = fixture.Api(fixture.CommitteeToken);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var indicators = (await http.GetFromJsonAsync<JsonElement>($"api/units/{unitId}/indicators?year={Year}")).GetProperty("indicators");
            if (until is null || until(indicators))
            {
                return indicators;
            }

            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"The indicators of {unitId} did not reach the expected figures: {indicators}");
            }

            await Task.Delay(100);
        }
    }

    private async Task<Dictionary<string, JsonElement>> ChildIndicatorsAsync(string unitId)
    {
        using var http = fixture.Api(fixture.CommitteeToken);
        var view = await http.GetFromJsonAsync<JsonElement>($"api/units/{unitId}/indicators?year={Year}");
        return view.GetProperty("children").EnumerateArray()
            .Where(c => c.GetProperty("indicators").ValueKind == JsonValueKind.Object)
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("indicators"));
    }

    /// <summary>
    /// A ward of a district no other test reports into, with at least two branches: the first takes figures, the second
    /// none.
    /// </summary>
    private async Task<(string Ward, string Branch, string OtherBranch, int Branches)> WardAsync()
    {
        using var http = fixture.Api(fixture.CommitteeToken);
        var province = await http.GetFromJsonAsync<JsonElement>($"api/units/{DashboardFixture.ProvinceId}");
        var district = Ids(province).First(id => id != fixture.FirstPath[0]);
        foreach (var ward in Ids(await http.GetFromJsonAsync<JsonElement>($"api/units/{district}")))
        {
            var branches = Ids(await http.GetFromJsonAsync<JsonElement>($"api/units/{ward}"));
            if (branches.Count >= 2)
            {
                return (ward, branches[0], branches[1], branches.Count);
            }
        }

        throw new InvalidOperationException($"No ward of {district} has two branches.");
    }

    /// <summary>A branch of a district that neither the other tests nor the ward above use, taken from the far end of the list.</summary>
    private async Task<string> UntouchedBranchAsync()
    {
        using var http = fixture.Api(fixture.CommitteeToken);
        var districts = Ids(await http.GetFromJsonAsync<JsonElement>($"api/units/{DashboardFixture.ProvinceId}")).Where(id => id != fixture.FirstPath[0]).ToList();
        foreach (var district in districts.Skip(1).Reverse())
        {
            foreach (var ward in Enumerable.Reverse(Ids(await http.GetFromJsonAsync<JsonElement>($"api/units/{district}"))))
            {
                var branches = Ids(await http.GetFromJsonAsync<JsonElement>($"api/units/{ward}"));
                if (branches.Count > 0)
                {
                    return branches[^1];
                }
            }
        }

        throw new InvalidOperationException("No district but the tested ones has a branch.");
    }

    private static List<string> Ids(JsonElement view) =>
        view.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToList();

    private async Task AddYouthCandidateAsync(string branchId, string token)
    {
        using var http = fixture.Api(token);
        var today = DateTime.Today;
        using var response = await http.PostAsJsonAsync($"api/units/{branchId}/candidates", new
        {
            idempotencyKey = Guid.NewGuid().ToString(),
            introducedBy = "youthUnion",
            introducedOn = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            gender = "female",
            birthDate = today.AddYears(-22).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            youthUnion = true,
            ethnicMinority = false,
            religious = false,
            privateBusinessOwner = false,
            education = "university",
            occupation = "student",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static FilePayload Csv(string text) => new() { Name = "chi-tieu.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };

    private static int Population(JsonElement indicators) =>
        indicators.TryGetProperty("population", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : 0;

    /// <summary>A figure the unit entered itself, 0 where it entered none.</summary>
    private static int Own(JsonElement indicators, string figure) =>
        indicators.TryGetProperty("own", out var own) && own.ValueKind == JsonValueKind.Object
        && own.TryGetProperty(figure, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;

    private static string N(int value) => value.ToString("N0", Vietnamese);

    private static string N0(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A share as the page writes it in Vietnamese: decimal comma, the percent sign right after the figure.</summary>
    private static string Percent(double percent, int digits) => percent.ToString($"F{digits}", Vietnamese) + "%";
}
