using System.Net;
using System.Text.Json.Nodes;
using Hierarchy.Grains;
using Hierarchy.Silo.Tests.Support;

namespace Hierarchy.Silo.Tests.Api;

/// <summary>
/// The what-if API over real HTTP on SQLite. Each test works on its own scenarios; only the apply tests change live
/// quotas, each under a ward no other test applies to.
/// </summary>
public sealed class ScenarioApiTests(SqliteSiloFixture fixture) : IClassFixture<SqliteSiloFixture>
{
    private TestSilo Silo => fixture.Silo;

    private TestHierarchy H => fixture.Hierarchy;

    private static int Year => DateTime.Today.Year;

    [Fact]
    public async Task Only_a_board_of_the_root_or_above_may_create_edit_apply_or_discard()
    {
        using var anonymous = Silo.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync("api/scenarios", Body(TestHierarchy.District))).StatusCode);
        foreach (var token in new[] { H.CommitteeToken, H.Branch1Token, H.WardBoardToken })
        {
            using var client = Silo.Client(token);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync("api/scenarios", Body(TestHierarchy.District))).StatusCode);
        }

        var id = await CreateAsync(H.DistrictBoardToken, TestHierarchy.District);
        var url = $"api/scenarios/{id}";
        var lockWard = new { type = "lock", unitId = TestHierarchy.Ward };
        foreach (var token in new[] { H.CommitteeToken, H.Branch1Token, H.WardBoardToken })
        {
            using var client = Silo.Client(token);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostJsonAsync($"{url}/edits", lockWard)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"{url}/apply", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.DeleteAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync($"{url}/edits", lockWard)).StatusCode);

        // A board above the root may edit; a committee of the province may read; a board below the root may not.
        using var province = Silo.Client(H.ProvinceBoardToken);
        Assert.Equal(HttpStatusCode.OK, (await province.PostJsonAsync($"{url}/edits", lockWard)).StatusCode);
        using var committee = Silo.Client(H.CommitteeToken);
        Assert.Equal(HttpStatusCode.OK, (await committee.GetAsync(url)).StatusCode);
        using var wardBoard = Silo.Client(H.WardBoardToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await wardBoard.GetAsync(url)).StatusCode);
        using var branch = Silo.Client(H.Branch1Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await branch.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await branch.GetAsync("api/scenarios")).StatusCode);

        var own = await CreateAsync(H.WardBoardToken, TestHierarchy.Ward);
        var wardList = await (await wardBoard.GetAsync("api/scenarios")).JsonAsync();
        Assert.Contains(own, Ids(wardList));
        Assert.DoesNotContain(id, Ids(wardList));
        var committeeList = await (await committee.GetAsync("api/scenarios")).JsonAsync();
        Assert.Contains(own, Ids(committeeList));
        Assert.Contains(id, Ids(committeeList));
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_the_field()
    {
        using var board = Silo.Client(H.DistrictBoardToken);
        Assert.Equal(["name"], await (await board.PostJsonAsync("api/scenarios", new { rootUnitId = TestHierarchy.District })).ProblemFieldsAsync());
        Assert.Equal(["rootUnitId"], await (await board.PostJsonAsync("api/scenarios", new { name = "x", rootUnitId = "nowhere" })).ProblemFieldsAsync());
        Assert.Equal(["year"], await (await board.PostJsonAsync("api/scenarios", new { name = "x", rootUnitId = TestHierarchy.District, year = 1800 })).ProblemFieldsAsync());
        Assert.Equal(["year"], await (await board.PostRawAsync("api/scenarios", """{"name":"x","rootUnitId":"999","year":"soon"}""")).ProblemFieldsAsync());

        var id = await CreateAsync(H.DistrictBoardToken, TestHierarchy.District);
        var edits = $"api/scenarios/{id}/edits";
        async Task<IReadOnlyList<string>> Refused(object edit)
        {
            var response = await board.PostJsonAsync(edits, edit);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.ProblemFieldsAsync();
        }

        Assert.Equal(["type"], await Refused(new { type = "shuffle" }));
        Assert.Equal(["method"], await Refused(new { type = "redistribute", unitId = TestHierarchy.Ward }));
        Assert.Equal(["method"], await Refused(new { type = "redistribute", unitId = TestHierarchy.Ward, method = "luck" }));
        Assert.Equal(["unitId"], await Refused(new { type = "redistribute", unitId = TestHierarchy.Branch1, method = "even" }));
        Assert.Equal(["unitId"], await Refused(new { type = "setQuota", unitId = TestHierarchy.DirectBranch, quota = 3 }));
        Assert.Equal(["unitId"], await Refused(new { type = "setQuota", unitId = "nowhere", quota = 3 }));
        Assert.Equal(["quota"], await Refused(new { type = "setQuota", unitId = TestHierarchy.Branch2, quota = -1 }));
        Assert.Equal(["amount"], await Refused(new { type = "move", fromUnitId = TestHierarchy.Branch2, toUnitId = TestHierarchy.Branch1, amount = 100 }));
        Assert.Equal(["type"], await Refused(new { type = "undo" }));

        // The sandbox explores anything, a quota far above the members at the start of the year included.
        Assert.Equal(HttpStatusCode.OK, (await board.PostJsonAsync(edits, new { type = "setQuota", unitId = TestHierarchy.Branch1, quota = 4_000 })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync("api/scenarios/0123456789abcdef")).StatusCode);
        Assert.Equal(["compareTo"], await (await board.GetAsync($"api/scenarios/{id}?compareTo=0123456789abcdef")).ProblemFieldsAsync());
        Assert.Equal(["unitId"], await (await board.GetAsync($"api/scenarios/{id}?unitId={TestHierarchy.DirectWard}")).ProblemFieldsAsync());
    }

    [Fact]
    public async Task A_board_redistributes_compares_and_applies_with_an_audit_entry()
    {
        using var board = Silo.Client(H.DistrictBoardToken);
        var id = await CreateAsync(H.DistrictBoardToken, TestHierarchy.Ward, "Theo đảng viên");

        // The ward's 6 by members 40 : 25 is 3.69 and 2.31: whole parts 3 and 2, the spare one to the larger remainder.
        var edited = await board.PostJsonAsync($"api/scenarios/{id}/edits", new { type = "redistribute", unitId = TestHierarchy.Ward, method = "members" });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var body = await edited.JsonAsync();
        Assert.Equal("redistribute", body["edit"]!["edit"]!.Str("type"));
        var scenario = body["scenario"]!;
        Assert.Equal([4, 2], scenario["children"]!.AsArray().Select(c => c!.Int("quota")));
        Assert.Equal([2, 2], scenario["children"]!.AsArray().Select(c => c!.Int("liveQuota")));
        Assert.Equal(6, scenario["focus"]!.Int("childrenQuota"));
        var change = Assert.Single(scenario["comparison"]!["changes"]!.AsArray())!;
        Assert.Equal((TestHierarchy.Branch1, 2, 4), (change.Str("id"), change.Int("quotaBefore"), change.Int("quotaAfter")));
        Assert.NotNull(change["statusAfter"]!.GetValue<string>());

        var other = await CreateAsync(H.DistrictBoardToken, TestHierarchy.Ward, "Giữ nguyên");
        var compared = await (await board.GetAsync($"api/scenarios/{id}?compareTo={other}")).JsonAsync();
        Assert.Equal(other, compared["comparedWithScenario"]!.Str("against"));
        Assert.Equal(1, compared["comparedWithScenario"]!.Int("changedUnits"));

        var applied = await board.PostAsync($"api/scenarios/{id}/apply", null);
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        var result = await applied.JsonAsync();
        Assert.Equal(1, result.Int("appliedUnits"));
        Assert.Equal("applied", result["scenario"]!.Str("status"));

        using var committee = Silo.Client(H.CommitteeToken);
        Assert.Equal(4, (await (await committee.GetAsync($"api/units/{TestHierarchy.Branch1}")).JsonAsync()).Int("quota"));
        var audit = (await (await committee.GetAsync($"api/units/{TestHierarchy.Branch1}/audit")).JsonAsync()).AsArray();
        Assert.Contains(audit, e => e!.Str("kind") == "quota" && e!.Str("summary").Contains("2 → 4") && e!.Str("by").Contains("Huyện"));

        var again = await board.PostJsonAsync($"api/scenarios/{id}/edits", new { type = "undo" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(["scenario"], await again.ProblemFieldsAsync());
    }

    [Fact]
    public async Task Apply_after_a_live_change_is_409_listing_the_units_and_changes_nothing()
    {
        using var board = Silo.Client(H.ProvinceBoardToken);
        var id = await CreateAsync(H.ProvinceBoardToken, TestHierarchy.DirectWard);
        Assert.Equal(HttpStatusCode.OK, (await board.PostJsonAsync($"api/scenarios/{id}/edits", new { type = "setQuota", unitId = TestHierarchy.DirectBranch, quota = 5 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await board.PostJsonAsync($"api/scenarios/{id}/edits", new { type = "setQuota", unitId = TestHierarchy.DirectWard, quota = 7 })).StatusCode);
        await Silo.Get<HierarchyService>().Unit(TestHierarchy.DirectBranch).SetQuotaAsync(Year, 3, null, "another board");

        var applied = await board.PostAsync($"api/scenarios/{id}/apply", null);

        Assert.Equal(HttpStatusCode.Conflict, applied.StatusCode);
        var problem = await applied.JsonAsync();
        var conflict = Assert.Single(problem["conflicts"]!.AsArray())!;
        Assert.Equal((TestHierarchy.DirectBranch, 2, 3), (conflict.Str("unitId"), conflict.Int("snapshotQuota"), conflict.Int("liveQuota")));
        using var committee = Silo.Client(H.CommitteeToken);
        Assert.Equal(3, (await (await committee.GetAsync($"api/units/{TestHierarchy.DirectBranch}")).JsonAsync()).Int("quota"));
        Assert.Equal(6, (await (await committee.GetAsync($"api/units/{TestHierarchy.DirectWard}")).JsonAsync()).Int("quota"));
        Assert.Equal("draft", (await (await board.GetAsync($"api/scenarios/{id}")).JsonAsync())["scenario"]!.Str("status"));
    }

    [Fact]
    public async Task Discarding_removes_the_scenario_and_nothing_live()
    {
        using var board = Silo.Client(H.DistrictBoardToken);
        var id = await CreateAsync(H.DistrictBoardToken, TestHierarchy.District);
        Assert.Equal(HttpStatusCode.OK, (await board.PostJsonAsync($"api/scenarios/{id}/edits", new { type = "setQuota", unitId = TestHierarchy.Ward, quota = 60 })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await board.DeleteAsync($"api/scenarios/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await board.GetAsync($"api/scenarios/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await board.DeleteAsync($"api/scenarios/{id}")).StatusCode);
        Assert.DoesNotContain(id, Ids(await (await board.GetAsync("api/scenarios")).JsonAsync()));
        Assert.NotEqual(60, (await (await board.GetAsync($"api/units/{TestHierarchy.Ward}")).JsonAsync()).Int("quota"));
    }

    private static object Body(string root, string name = "Kịch bản thử") => new { name, rootUnitId = root, year = Year };

    private static IEnumerable<string> Ids(JsonNode list) => list.AsArray().Select(s => s!.Str("id"));

    private async Task<string> CreateAsync(string token, string root, string name = "Kịch bản thử")
    {
        using var client = Silo.Client(token);
        var response = await client.PostJsonAsync("api/scenarios", Body(root, name));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var report = await response.JsonAsync();
        var id = report["scenario"]!.Str("id");
        Assert.EndsWith($"/api/scenarios/{id}", response.Headers.Location!.ToString());
        return id;
    }
}
