using System.Net;
using System.Net.Http.Json;
using Hierarchy.Silo.Tests.Support;
using Hierarchy.TestSupport;

namespace Hierarchy.Silo.Tests.Api;

public abstract partial class ApiContractTests
{
    private static HttpRequestMessage PutQuota(string unitId, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"api/units/{unitId}/quota") { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    private async Task<string> ETagAsync(string unitId)
    {
        using var client = As(H.CommitteeToken);
        var response = await client.GetAsync($"api/units/{unitId}");
        return response.Headers.ETag!.ToString();
    }

    [ConformanceFact]
    public async Task Quota_needs_if_match_and_a_stale_one_is_409_never_a_lost_update()
    {
        using var board = As(H.ProvinceBoardToken);
        var year = DateTime.Today.Year;
        var etag = await ETagAsync(TestHierarchy.District);

        var missing = await board.SendAsync(PutQuota(TestHierarchy.District, new { year, admissions = 10 }, null));
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        Assert.Equal(["If-Match"], await missing.ProblemFieldsAsync());

        var first = await board.SendAsync(PutQuota(TestHierarchy.District, new { year, admissions = 12 }, etag));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var body = await first.JsonAsync();
        Assert.Equal(12, body.Int("quota"));
        Assert.NotEqual(etag, first.Headers.ETag!.ToString());
        Assert.Equal(12, (await UnitAsync(TestHierarchy.District)).Int("quota"));

        var stale = await board.SendAsync(PutQuota(TestHierarchy.District, new { year, admissions = 30 }, etag));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(["If-Match"], await stale.ProblemFieldsAsync());
        Assert.Equal(12, (await UnitAsync(TestHierarchy.District)).Int("quota"));

        var plainVersion = (await UnitAsync(TestHierarchy.District))["quotaVersion"]!.ToString();
        var unquoted = await board.SendAsync(PutQuota(TestHierarchy.District, new { year, admissions = 14 }, plainVersion));
        Assert.Equal(HttpStatusCode.OK, unquoted.StatusCode);

        var garbage = await board.SendAsync(PutQuota(TestHierarchy.District, new { year, admissions = 14 }, "\"abc\""));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
    }

    [ConformanceFact]
    public async Task Quota_is_set_by_a_board_above_and_validated()
    {
        var year = DateTime.Today.Year;
        using var district = As(H.DistrictBoardToken);
        var province = await district.SendAsync(PutQuota(TestHierarchy.Province, new { year, admissions = 50 }, await ETagAsync(TestHierarchy.Province)));
        Assert.Equal(HttpStatusCode.Forbidden, province.StatusCode);

        var ownDistrict = await district.SendAsync(PutQuota(TestHierarchy.District, new { year, admissions = 50 }, await ETagAsync(TestHierarchy.District)));
        Assert.Equal(HttpStatusCode.Forbidden, ownDistrict.StatusCode);

        var ward = await district.SendAsync(PutQuota(TestHierarchy.Ward, new { year, admissions = 5 }, await ETagAsync(TestHierarchy.Ward)));
        Assert.Equal(HttpStatusCode.OK, ward.StatusCode);

        using var provinceBoard = As(H.ProvinceBoardToken);
        var own = await provinceBoard.SendAsync(PutQuota(TestHierarchy.Province, new { year, admissions = 40 }, await ETagAsync(TestHierarchy.Province)));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);

        using var committee = As(H.CommitteeToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await committee.SendAsync(PutQuota(TestHierarchy.Ward, new { year, admissions = 5 }, await ETagAsync(TestHierarchy.Ward)))).StatusCode);

        using var branch = As(H.Branch1Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await branch.SendAsync(PutQuota(TestHierarchy.Branch1, new { year, admissions = 5 }, await ETagAsync(TestHierarchy.Branch1)))).StatusCode);

        var negative = await provinceBoard.SendAsync(PutQuota(TestHierarchy.Ward, new { year, admissions = -1 }, await ETagAsync(TestHierarchy.Ward)));
        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Equal(["admissions"], await negative.ProblemFieldsAsync());

        var badYear = await provinceBoard.SendAsync(PutQuota(TestHierarchy.Ward, new { year = 3000, admissions = 1 }, await ETagAsync(TestHierarchy.Ward)));
        Assert.Equal(["year"], await badYear.ProblemFieldsAsync());

        var wrongType = await provinceBoard.SendAsync(PutQuota(TestHierarchy.Ward, new { year, admissions = "many" }, await ETagAsync(TestHierarchy.Ward)));
        Assert.Equal(["admissions"], await wrongType.ProblemFieldsAsync());

        var unknown = await provinceBoard.SendAsync(PutQuota("no-such-unit", new { year, admissions = 1 }, "\"1\""));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var anonymous = Anonymous;
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(PutQuota(TestHierarchy.Ward, new { year, admissions = 1 }, "\"1\""))).StatusCode);
    }

    [ConformanceFact]
    public async Task Quota_above_the_members_at_the_start_of_the_year_needs_confirm()
    {
        using var board = As(H.ProvinceBoardToken);
        var year = DateTime.Today.Year;
        var before = await UnitAsync(TestHierarchy.Ward);
        var members = before.Int("membersAtStart");
        Assert.Equal(65, members);
        var etag = await ETagAsync(TestHierarchy.Ward);

        var refused = await board.SendAsync(PutQuota(TestHierarchy.Ward, new { year, admissions = 650 }, etag));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["quota"], await refused.ProblemFieldsAsync());
        Assert.Equal(["Chỉ tiêu 650 lớn hơn số đảng viên đầu năm " + year + " (65); gửi kèm \"confirm\": true nếu đúng là như vậy."], await refused.ProblemMessagesAsync("quota"));
        var after = await UnitAsync(TestHierarchy.Ward);
        Assert.Equal(before.Int("quota"), after.Int("quota"));
        Assert.Equal(before["quotaVersion"]!.GetValue<long>(), after["quotaVersion"]!.GetValue<long>());

        var english = PutQuota(TestHierarchy.Ward, new { year, admissions = 1200 }, etag);
        english.Headers.TryAddWithoutValidation("Accept-Language", "en");
        var refusedEn = await board.SendAsync(english);
        Assert.Equal([$"The quota of 1,200 is larger than the 65 members at the start of {year}; send \"confirm\": true if that is meant."], await refusedEn.ProblemMessagesAsync("quota"));

        var notConfirmed = await board.SendAsync(PutQuota(TestHierarchy.Ward, new { year, admissions = 66, confirm = false }, etag));
        Assert.Equal(HttpStatusCode.BadRequest, notConfirmed.StatusCode);

        var atMembers = await board.SendAsync(PutQuota(TestHierarchy.Ward, new { year, admissions = 65 }, etag));
        Assert.Equal(HttpStatusCode.OK, atMembers.StatusCode);

        var confirmed = await board.SendAsync(PutQuota(TestHierarchy.Ward, new { year, admissions = 650, confirm = true }, atMembers.Headers.ETag!.ToString()));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(650, (await UnitAsync(TestHierarchy.Ward)).Int("quota"));

        var back = await board.SendAsync(PutQuota(TestHierarchy.Ward, new { year, admissions = before.Int("quota") }, confirmed.Headers.ETag!.ToString()));
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }
}
