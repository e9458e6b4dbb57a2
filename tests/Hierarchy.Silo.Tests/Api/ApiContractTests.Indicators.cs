using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hierarchy.Silo.Tests.Support;
using Hierarchy.TestSupport;

namespace Hierarchy.Silo.Tests.Api;

public abstract partial class ApiContractTests
{
    private static readonly int IndicatorYear = DateTime.Today.Year;

    private static object WardFigures(int population) => new
    {
        population,
        residentialGroups = 12,
        groupsWithoutMembers = 2,
        groupLeaders = 12,
        leadersWhoAreMembers = 9,
    };

    [ConformanceFact]
    public async Task Indicators_entered_at_a_ward_roll_up_and_show_beside_the_targets_each_board_sets()
    {
        var tree = await ClosingTree.CreateAsync(Silo);
        using var wardBoard = As(tree.WardBoardToken);
        using var provinceBoard = As(tree.ProvinceBoardToken);
        var entered = await wardBoard.PutAsJsonAsync($"api/units/{tree.Ward}/indicators/{IndicatorYear}", WardFigures(4_000));
        Assert.Equal(HttpStatusCode.OK, entered.StatusCode);
        var own = await entered.JsonAsync();
        Assert.Equal(4_000, own.Int("population"));
        Assert.Equal(75.0, own["leaderSharePercent"]!.GetValue<double>());
        Assert.Equal(12, own["own"]!.Int("residentialGroups"));

        var targets = new { targets = new { membersPerPopulationPercent = 3.85, groupsWithoutMembers = 0, leaderSharePercent = 70, youthUnionIntroductions = 5 } };
        Assert.Equal(HttpStatusCode.OK, (await provinceBoard.PutAsJsonAsync($"api/units/{tree.Province}/indicators/{IndicatorYear}", targets)).StatusCode);

        var province = await Eventually.WaitAsync(
            async () => (await UnitAsync(tree.Province, tree.CommitteeToken))["indicators"]!,
            i => i.Int("population") == 4_000);
        Assert.Equal((12, 2, 1), (province.Int("residentialGroups"), province.Int("groupsWithoutMembers"), province.Int("reporting")));
        Assert.Equal(3.85, province["targets"]!["membersPerPopulationPercent"]!.GetValue<double>());
        Assert.False(province["groupsWithoutMembersMet"]!.GetValue<bool>());
        Assert.True(province["leaderShareMet"]!.GetValue<bool>());
        Assert.False(province["youthUnionIntroductionsMet"]!.GetValue<bool>());
        Assert.Null(province["own"]);

        // The district's table carries the ward's figures; the sibling district has none.
        var children = (await UnitAsync(tree.Province, tree.CommitteeToken))["children"]!.AsArray();
        Assert.Equal(4_000, children.Single(c => c!.Str("id") == tree.District)!["indicators"]!.Int("population"));
        Assert.Null(children.Single(c => c!.Str("id") != tree.District)!["indicators"]);
        using var committee = As(tree.CommitteeToken);
        var listed = await (await committee.GetAsync($"api/units/{tree.District}/indicators?year={IndicatorYear}")).JsonAsync();
        Assert.Equal(tree.Ward, listed["children"]!.AsArray().Single()!.Str("id"));
        Assert.Equal(4_000, listed["indicators"]!.Int("population"));

        // Entered again, the ward's figures replace what it had; an editor quoting the version it loaded never overwrites a change made since.
        var loaded = await wardBoard.GetAsync($"api/units/{tree.Ward}/indicators");
        var etag = loaded.Headers.ETag!.Tag;
        Assert.Equal(etag, entered.Headers.ETag!.Tag);
        Assert.Equal(etag, $"\"{(await loaded.JsonAsync())["indicators"]!["version"]!.GetValue<long>()}\"");
        using (var current = new HttpRequestMessage(HttpMethod.Put, $"api/units/{tree.Ward}/indicators/{IndicatorYear}") { Content = JsonContent.Create(WardFigures(5_000)) })
        {
            current.Headers.TryAddWithoutValidation("If-Match", etag);
            var saved = await wardBoard.SendAsync(current);
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.NotEqual(etag, saved.Headers.ETag!.Tag);
        }

        using (var stale = new HttpRequestMessage(HttpMethod.Put, $"api/units/{tree.Ward}/indicators/{IndicatorYear}") { Content = JsonContent.Create(WardFigures(6_000)) })
        {
            stale.Headers.TryAddWithoutValidation("If-Match", etag);
            var conflict = await wardBoard.SendAsync(stale);
            Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
            var problem = await conflict.JsonAsync();
            Assert.StartsWith("Số liệu, chỉ tiêu của Đảng bộ xã Hòa Khóa đã được thay đổi sau khi tải", problem.Str("detail"), StringComparison.Ordinal);
            Assert.Equal($"\"{problem["version"]!.GetValue<long>()}\"", conflict.Headers.ETag!.Tag);
        }

        await Eventually.WaitAsync(async () => (await UnitAsync(tree.Province, tree.CommitteeToken))["indicators"]!.Int("population"), p => p == 5_000);

        var csv = await (await committee.GetAsync($"api/units/{tree.Province}/indicators.csv?separator=semicolon")).Content.ReadAsStringAsync();
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id;name;level;year;population;members;membersPerPopulationPercent;targetMembersPerPopulationPercent;", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{tree.Province};Tỉnh Khóa Sổ;province;{IndicatorYear};5000;", lines[1], StringComparison.Ordinal);
        Assert.Contains(";3,85;", lines[1], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
    }

    [ConformanceFact]
    public async Task Bad_indicator_figures_and_callers_who_may_not_enter_them_are_refused_and_nothing_changes()
    {
        var tree = await ClosingTree.CreateAsync(Silo);
        using var wardBoard = As(tree.WardBoardToken);
        var url = $"api/units/{tree.Ward}/indicators/{IndicatorYear}";
        Assert.Equal(HttpStatusCode.OK, (await wardBoard.PutAsJsonAsync(url, WardFigures(4_000))).StatusCode);
        var before = await (await wardBoard.GetAsync($"api/units/{tree.Ward}/indicators")).Content.ReadAsStringAsync();

        var tooMany = new { population = 4_000, residentialGroups = 12, groupsWithoutMembers = 13 };
        var vietnamese = await wardBoard.PutAsJsonAsync(url, tooMany);
        Assert.Equal(HttpStatusCode.BadRequest, vietnamese.StatusCode);
        Assert.Equal(["Số tổ dân phố, thôn, ấp chưa có đảng viên (13) không được lớn hơn số tổ dân phố, thôn, ấp (12)."], await vietnamese.ProblemMessagesAsync("groupsWithoutMembers"));
        var english = await wardBoard.SendAsync(InLanguage(HttpMethod.Put, url, "en", tooMany));
        Assert.Equal(["The residential groups with no party member (13) cannot exceed the residential groups (12)."], await english.ProblemMessagesAsync("groupsWithoutMembers"));

        var share = await wardBoard.PutAsJsonAsync(url, new { targets = new { leaderSharePercent = 190 } });
        Assert.Equal(["Tỷ lệ là phần trăm, từ 0 đến 100."], await share.ProblemMessagesAsync("targets.leaderSharePercent"));
        Assert.Equal(["populaton"], await (await wardBoard.PutAsJsonAsync(url, new { populaton = 4_000 })).ProblemFieldsAsync());
        Assert.Equal(["population"], await (await wardBoard.PutAsJsonAsync(url, new { population = "many" })).ProblemFieldsAsync());
        Assert.Equal(["year"], await (await wardBoard.PutAsJsonAsync($"api/units/{tree.Ward}/indicators/this-year", WardFigures(1))).ProblemFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await wardBoard.PutAsJsonAsync($"api/units/no-such-unit/indicators/{IndicatorYear}", WardFigures(1))).StatusCode);

        // Standing committees and secretaries read; a board enters only within its own subtree.
        foreach (var token in new[] { tree.CommitteeToken, tree.Branch1Token, tree.SiblingBoardToken })
        {
            using var caller = As(token);
            Assert.Equal(HttpStatusCode.Forbidden, (await caller.PutAsJsonAsync(url, WardFigures(1))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.PutAsJsonAsync(url, WardFigures(1))).StatusCode);
        Assert.Equal(before, await (await wardBoard.GetAsync($"api/units/{tree.Ward}/indicators")).Content.ReadAsStringAsync());
    }

    [ConformanceFact]
    public async Task A_board_uploads_a_file_of_indicators_for_its_subtree_and_a_bad_file_records_nothing()
    {
        var tree = await ClosingTree.CreateAsync(Silo);
        using var wardBoard = As(tree.WardBoardToken);
        var url = $"api/units/{tree.Ward}/indicators/upload?year={IndicatorYear}";
        var csv = $"unitId,population,residentialGroups,groupsWithoutMembers,targetLeaderSharePercent\n{tree.Ward},4000,12,2,\"92,5\"\n{tree.Branch1},900,3,0,\n";
        var uploaded = await wardBoard.PostRawAsync(url, csv, "text/csv");
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        var result = await uploaded.JsonAsync();
        Assert.Equal((2, 2), (result.Int("rows"), result.Int("units")));
        var ward = (await UnitAsync(tree.Ward, tree.CommitteeToken))["indicators"]!;
        Assert.Equal((4_900, 15, 2), (ward.Int("population"), ward.Int("residentialGroups"), ward.Int("reporting")));
        Assert.Equal(92.5, ward["targets"]!["leaderSharePercent"]!.GetValue<double>());

        // The same format as a multipart file; a column left out keeps what the unit had.
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent($"unitId,population\n{tree.Ward},4200\n"), "file", "dan-so.csv");
            Assert.Equal(HttpStatusCode.OK, (await wardBoard.PostAsync(url, form)).StatusCode);
        }

        ward = (await UnitAsync(tree.Ward, tree.CommitteeToken))["indicators"]!;
        Assert.Equal((4_200, 12), (ward["own"]!.Int("population"), ward["own"]!.Int("residentialGroups")));
        var before = await (await wardBoard.GetAsync($"api/units/{tree.Ward}/indicators")).Content.ReadAsStringAsync();

        var bad = $"unitId,population,residentialGroups,groupsWithoutMembers\n{tree.Ward},1,10,11\nno-such-unit,5,,\n{tree.SiblingWard},5,,\n{tree.Branch1},nhiều,,\n";
        var refused = await wardBoard.PostRawAsync(url, bad, "text/csv");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Tệp chưa được nhập: hãy sửa các dòng này rồi tải lên lại.", (await refused.JsonAsync()).Str("title"));
        Assert.Equal(["Dòng 2: Số tổ dân phố, thôn, ấp chưa có đảng viên (11) không được lớn hơn số tổ dân phố, thôn, ấp (10)."], await refused.ProblemMessagesAsync("groupsWithoutMembers"));
        Assert.Equal(
            ["Dòng 3: Không có đơn vị 'no-such-unit'.", $"Dòng 4: '{tree.SiblingWard}' không phải '{tree.Ward}' hay đơn vị trực thuộc."],
            await refused.ProblemMessagesAsync("unitId"));
        Assert.Equal(["Dòng 5: 'nhiều' không phải số nguyên."], await refused.ProblemMessagesAsync("population"));
        var english = await wardBoard.SendAsync(new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(bad, System.Text.Encoding.UTF8, "text/csv"),
            Headers = { { "Accept-Language", "en" } },
        });
        Assert.Equal(["Line 3: 'no-such-unit' is not a known unit.", $"Line 4: '{tree.SiblingWard}' is not '{tree.Ward}' or a unit below it."], await english.ProblemMessagesAsync("unitId"));

        Assert.Equal(["Dòng 1: tiêu đề thiếu cột 'unitId'."], await (await wardBoard.PostRawAsync(url, "population\n5\n", "text/csv")).ProblemMessagesAsync("unitId"));
        Assert.Equal(["file"], await (await wardBoard.PostRawAsync(url, "unitId,name\nx,y\n", "text/csv")).ProblemFieldsAsync());
        var windows1258 = new ByteArrayContent([.. System.Text.Encoding.ASCII.GetBytes($"unitId,population\n{tree.Ward},"), 0xC4, 0xE0, (byte)'\n']);
        windows1258.Headers.ContentType = new("text/csv");
        Assert.Equal(["body"], await (await wardBoard.PostAsync(url, windows1258)).ProblemFieldsAsync());
        using var committee = As(tree.CommitteeToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await committee.PostRawAsync(url, csv, "text/csv")).StatusCode);
        Assert.Equal(before, await (await wardBoard.GetAsync($"api/units/{tree.Ward}/indicators")).Content.ReadAsStringAsync());
    }
}
