using System.Net;
using System.Text.Json.Nodes;
using Hierarchy.Silo.Tests.Support;
using Hierarchy.TestSupport;

namespace Hierarchy.Silo.Tests.Api;

public abstract partial class ApiContractTests
{
    [ConformanceFact]
    public async Task Get_unit_has_the_contract_shape_and_an_etag_of_the_quota_version()
    {
        using var client = As(H.CommitteeToken);
        var response = await client.GetAsync($"api/units/{TestHierarchy.Province}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unit = await response.JsonAsync();
        Assert.Equal(TestHierarchy.Province, unit.Str("id"));
        Assert.Equal("Tỉnh Thử Nghiệm", unit.Str("name"));
        Assert.Equal("province", unit.Str("level"));
        Assert.Null(unit["parentId"]);
        Assert.Equal(DateTime.Today.Year, unit.Int("year"));
        foreach (var field in new[] { "quota", "admitted", "membersAtStart", "progress", "admissionRate", "projected", "childrenQuota", "breakdown", "lastYear", "children", "version", "updatedAt" })
        {
            Assert.True(unit.AsObject().ContainsKey(field), $"missing {field}");
        }

        var breakdown = unit["breakdown"]!;
        foreach (var field in new[] { "youthUnion", "women", "ethnicMinority", "religious", "privateBusinessOwner", "age", "averageAge", "education", "occupation" })
        {
            Assert.True(breakdown.AsObject().ContainsKey(field), $"missing breakdown.{field}");
        }

        Assert.Equal(["18-30", "31-35", "36-40", "41-45", "46-50", "51-55", "56-60"], breakdown["age"]!.AsObject().Select(p => p.Key));
        Assert.Contains("university", breakdown["education"]!.AsObject().Select(p => p.Key));
        Assert.Contains("stateCadre", breakdown["occupation"]!.AsObject().Select(p => p.Key));
        Assert.True(unit["lastYear"]!.AsObject().ContainsKey("admitted") && unit["lastYear"]!.AsObject().ContainsKey("quota"));
        Assert.Equal(95, unit.Int("membersAtStart"));

        var children = unit["children"]!.AsArray();
        Assert.Equal([TestHierarchy.District, TestHierarchy.DirectWard], children.Select(c => c!.Str("id")).Order());
        var ward = children.Single(c => c!.Str("id") == TestHierarchy.DirectWard)!;
        Assert.Equal("ward", ward.Str("level"));
        foreach (var field in new[] { "name", "quota", "admitted", "progress", "projected" })
        {
            Assert.True(ward.AsObject().ContainsKey(field), $"missing children[].{field}");
        }

        Assert.Equal($"\"{unit["quotaVersion"]}\"", response.Headers.ETag?.ToString());
    }

    [ConformanceFact]
    public async Task Get_unit_for_another_year_and_errors()
    {
        using var client = As(H.CommitteeToken);
        var lastYear = await client.GetAsync($"api/units/{TestHierarchy.Province}?year={DateTime.Today.Year - 1}");
        Assert.Equal(DateTime.Today.Year - 1, (await lastYear.JsonAsync()).Int("year"));

        var badYear = await client.GetAsync($"api/units/{TestHierarchy.Province}?year=abc");
        Assert.Equal(HttpStatusCode.BadRequest, badYear.StatusCode);
        Assert.Equal(["year"], await badYear.ProblemFieldsAsync());
        Assert.Equal("application/problem+json", badYear.Content.Headers.ContentType?.MediaType);

        var unknown = await client.GetAsync("api/units/no-such-unit");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [ConformanceFact]
    public async Task Path_runs_from_the_province_down_for_both_shapes()
    {
        using var client = As(H.CommitteeToken);
        var path = (await (await client.GetAsync($"api/units/{TestHierarchy.Branch1}/path")).JsonAsync()).AsArray();
        Assert.Equal([TestHierarchy.Province, TestHierarchy.District, TestHierarchy.Ward, TestHierarchy.Branch1], path.Select(p => p!.Str("id")));
        Assert.Equal(["province", "district", "ward", "branch"], path.Select(p => p!.Str("level")));

        var direct = (await (await client.GetAsync($"api/units/{TestHierarchy.DirectBranch}/path")).JsonAsync()).AsArray();
        Assert.Equal([TestHierarchy.Province, TestHierarchy.DirectWard, TestHierarchy.DirectBranch], direct.Select(p => p!.Str("id")));
    }

    [ConformanceFact]
    public async Task Search_ignores_diacritics_and_stays_within_scope()
    {
        using var committee = As(H.CommitteeToken);
        var hits = (await (await committee.GetAsync("api/units?search=hoa%20vang")).JsonAsync()).AsArray();
        Assert.Contains(hits, h => h!.Str("id") == TestHierarchy.District && h!.Str("name") == "Huyện Hòa Vang");

        var within = (await (await committee.GetAsync($"api/units?search=quan%20nam&within={TestHierarchy.Ward}")).JsonAsync()).AsArray();
        Assert.Equal([TestHierarchy.Branch1, TestHierarchy.Branch2], within.Select(h => h!.Str("id")).Order());

        using var wardBoard = As(H.WardBoardToken);
        var outside = await wardBoard.GetAsync($"api/units?search=hai%20chau&within={TestHierarchy.DirectWard}");
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        var own = (await (await wardBoard.GetAsync("api/units?search=hai%20chau")).JsonAsync()).AsArray();
        Assert.Empty(own);

        var top = (await (await wardBoard.GetAsync("api/units")).JsonAsync()).AsArray();
        Assert.Equal([TestHierarchy.Ward], top.Select(h => h!.Str("id")));

        var badLimit = await committee.GetAsync("api/units?search=x&limit=0");
        Assert.Equal(["limit"], await badLimit.ProblemFieldsAsync());
    }

    [ConformanceFact]
    public async Task Me_names_the_user_role_and_unit()
    {
        using var client = As(H.DistrictBoardToken);
        var me = await (await client.GetAsync("api/me")).JsonAsync();
        Assert.False(me["anonymous"]!.GetValue<bool>());
        Assert.Equal("board", me.Str("role"));
        Assert.Equal(TestHierarchy.District, me.Str("unitId"));
        Assert.Equal("Huyện Hòa Vang", me.Str("unitName"));
        Assert.Equal("district", me.Str("unitLevel"));
    }

    [ConformanceFact]
    public async Task Health_openapi_and_system_answer()
    {
        using var client = Anonymous;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("health/ready")).StatusCode);
        var openApi = await (await client.GetAsync("openapi/v1.json")).JsonAsync();
        var paths = openApi["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[] { "/api/units/{id}", "/api/units/{id}/admissions", "/api/units/{id}/quota", "/api/units/{id}/stream", "/api/units/{id}/admissions/{admissionId}" })
        {
            Assert.Contains(path, paths);
        }

        using var committee = As(H.CommitteeToken);
        var system = await (await committee.GetAsync("api/system")).JsonAsync();
        Assert.True(system.Int("activations") > 0);
        Assert.True(system.AsObject().ContainsKey("callsPerSecond") && system.AsObject().ContainsKey("streamClients"));
        Assert.Contains(system.Str("storage"), new[] { "SQLite", "PostgreSQL" });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("api/system")).StatusCode);
    }

    [ConformanceFact]
    public async Task Dashboard_is_served_at_the_root()
    {
        using var client = Anonymous;
        var page = await client.GetAsync("");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }
}
