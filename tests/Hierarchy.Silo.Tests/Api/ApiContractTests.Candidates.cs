using System.Net;
using System.Text.Json.Nodes;
using Hierarchy.Silo.Tests.Support;
using Hierarchy.TestSupport;

namespace Hierarchy.Silo.Tests.Api;

public abstract partial class ApiContractTests
{
    private static Dictionary<string, object?> Candidate(string key, DateOnly introducedOn) => new()
    {
        ["idempotencyKey"] = key,
        ["introducedBy"] = "youthUnion",
        ["introducedOn"] = introducedOn.ToString("yyyy-MM-dd"),
        ["gender"] = "female",
        ["birthDate"] = introducedOn.AddYears(-22).ToString("yyyy-MM-dd"),
        ["youthUnion"] = true,
        ["ethnicMinority"] = false,
        ["religious"] = false,
        ["education"] = "university",
        ["occupation"] = "student",
        ["name"] = "Lê Thị Nguồn",
    };

    private static Dictionary<string, object?> Stage(string stage, DateOnly on, string? reason = null) => new()
    {
        ["stage"] = stage,
        ["on"] = on.ToString("yyyy-MM-dd"),
        ["reason"] = reason,
    };

    [ConformanceFact]
    public async Task A_candidate_is_201_then_moves_through_the_stages_and_the_ceremony_counts_as_an_admission()
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        var start = today.AddDays(-40);
        using var secretary = As(H.Branch1Token);
        var url = $"api/units/{TestHierarchy.Branch1}/candidates";
        var key = "nguon-" + Guid.NewGuid().ToString("N");

        var created = await secretary.PostJsonAsync(url, Candidate(key, start));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var candidate = await created.JsonAsync();
        var id = candidate.Str("id");
        Assert.Equal("introduced", candidate.Str("stage"));
        Assert.Equal("Lê Thị Nguồn", candidate.Str("name"));
        Assert.Equal(HttpStatusCode.OK, (await secretary.PostJsonAsync(url, Candidate(key, start))).StatusCode);

        // A decision before the branch resolution: 409, naming the stage the candidate is at.
        var outOfOrder = await secretary.PostJsonAsync($"{url}/{id}/stages", Stage("decision", start.AddDays(1)));
        Assert.Equal(HttpStatusCode.Conflict, outOfOrder.StatusCode);
        Assert.Contains("được giới thiệu", (await outOfOrder.JsonAsync()).Str("detail"), StringComparison.Ordinal);

        foreach (var (stage, day) in new[] { ("course", 5), ("verified", 10), ("resolution", 20) })
        {
            var moved = await secretary.PostJsonAsync($"{url}/{id}/stages", Stage(stage, start.AddDays(day)));
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            Assert.Equal(stage, (await moved.JsonAsync()).Str("stage"));
        }

        // A date before the previous stage's is bad input naming the field.
        var backwards = await secretary.PostJsonAsync($"{url}/{id}/stages", Stage("decision", start.AddDays(15)));
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(["on"], await backwards.ProblemFieldsAsync());

        var decided = await (await secretary.PostJsonAsync($"{url}/{id}/stages", Stage("decision", start.AddDays(30)))).JsonAsync();
        Assert.NotNull(decided["dueOn"]);
        Assert.False(decided["overdue"]!.GetValue<bool>());

        var before = await SettledProvinceAdmittedAsync();
        var admitted = await secretary.PostJsonAsync($"{url}/{id}/stages", Stage("admitted", today));
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        var admissionId = (await admitted.JsonAsync()).Str("admissionId");
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"api/units/{TestHierarchy.Branch1}/admissions/{admissionId}")).StatusCode);
        Assert.Equal(before + 1, await AdmittedEventuallyAsync(TestHierarchy.Province, before + 1));

        // Above the branch, only counts: the board sees the list without names and the province counts the stages.
        using var board = As(H.WardBoardToken);
        var listed = (await (await board.GetAsync(url)).JsonAsync()).AsArray();
        Assert.Contains(listed, c => c!.Str("id") == id);
        Assert.All(listed, c => Assert.Null(c!["name"]));
        var province = await Eventually.WaitAsync(() => UnitAsync(TestHierarchy.Province), p => p["candidates"]!["admitted"]!.GetValue<int>() >= 1, TimeSpan.FromSeconds(30));
        Assert.True(province["introducedBy"]!["youthUnion"]!.GetValue<int>() >= 1);
        Assert.NotNull(province["overdue"]);
        Assert.NotNull(province["pipeline"]!["projectedWithCandidates"]);
    }

    [ConformanceFact]
    public async Task Bad_candidates_are_400_naming_the_field_and_others_may_not_record_them()
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        var url = $"api/units/{TestHierarchy.Branch1}/candidates";
        using var secretary = As(H.Branch1Token);
        var bad = Candidate("bad-" + Guid.NewGuid().ToString("N"), today);
        bad["introducedBy"] = "neighbours";
        bad["introducedOn"] = today.AddDays(3).ToString("yyyy-MM-dd");
        var refused = await secretary.PostJsonAsync(url, bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("introducedBy", await refused.ProblemFieldsAsync());

        var future = Candidate("future-" + Guid.NewGuid().ToString("N"), today.AddDays(3));
        Assert.Equal(["introducedOn"], await (await secretary.PostJsonAsync(url, future)).ProblemFieldsAsync());

        var id = (await (await secretary.PostJsonAsync(url, Candidate("ok-" + Guid.NewGuid().ToString("N"), today))).JsonAsync()).Str("id");
        var unknownStage = await secretary.PostJsonAsync($"{url}/{id}/stages", Stage("elected", today));
        Assert.Equal(["stage"], await unknownStage.ProblemFieldsAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostJsonAsync($"{url}/Cnope/stages", Stage("course", today))).StatusCode);

        using var otherSecretary = As(H.Branch2Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherSecretary.PostJsonAsync(url, Candidate("x", today))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherSecretary.PostJsonAsync($"{url}/{id}/stages", Stage("course", today))).StatusCode);
        using var committee = As(H.CommitteeToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await committee.PostJsonAsync(url, Candidate("y", today))).StatusCode);
    }
}
