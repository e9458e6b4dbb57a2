using System.Net;
using System.Net.Http.Json;
using Hierarchy.Silo.Tests.Support;
using Hierarchy.TestSupport;

namespace Hierarchy.Silo.Tests.Api;

public abstract partial class ApiContractTests
{
    private static HttpRequestMessage InLanguage(HttpMethod method, string url, string? language, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        return request;
    }

    [ConformanceFact]
    public async Task Field_errors_are_in_Vietnamese_by_default_and_in_English_on_request()
    {
        using var branch = As(H.Branch1Token);
        var url = $"api/units/{TestHierarchy.Branch1}/admissions";
        var future = Admissions.With("admittedOn", DateTime.Today.AddDays(3).ToString("yyyy-MM-dd"));

        var vietnamese = await branch.SendAsync(InLanguage(HttpMethod.Post, url, null, future));
        Assert.Equal(HttpStatusCode.BadRequest, vietnamese.StatusCode);
        Assert.Equal("Yêu cầu không hợp lệ.", (await vietnamese.JsonAsync()).Str("title"));
        Assert.Equal(["Ngày kết nạp không được ở tương lai."], await vietnamese.ProblemMessagesAsync("admittedOn"));

        var asked = await branch.SendAsync(InLanguage(HttpMethod.Post, url, "vi", future));
        Assert.Equal(["Ngày kết nạp không được ở tương lai."], await asked.ProblemMessagesAsync("admittedOn"));

        var english = await branch.SendAsync(InLanguage(HttpMethod.Post, url, "en", future));
        Assert.Equal("The request is not valid.", (await english.JsonAsync()).Str("title"));
        Assert.Equal(["The admission date may not be in the future."], await english.ProblemMessagesAsync("admittedOn"));

        var browser = await branch.SendAsync(InLanguage(HttpMethod.Post, url, "en-US,en;q=0.9", Admissions.With("gender", "x")));
        Assert.Equal(["'x' is not one of female, male."], await browser.ProblemMessagesAsync("gender"));

        var unsupported = await branch.SendAsync(InLanguage(HttpMethod.Post, url, "fr-FR", Admissions.With("gender", "x")));
        Assert.Equal(["'x' không thuộc: female, male."], await unsupported.ProblemMessagesAsync("gender"));
    }

    [ConformanceFact]
    public async Task Access_and_missing_unit_details_are_in_the_callers_language()
    {
        using var anonymous = Anonymous;
        var unauthorized = await anonymous.SendAsync(InLanguage(HttpMethod.Post, $"api/units/{TestHierarchy.Branch1}/admissions", null, Admissions.Valid()));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        var problem = await unauthorized.JsonAsync();
        Assert.Equal("Cần đăng nhập", problem.Str("title"));
        Assert.Equal("Mọi thay đổi đều cần mã truy cập.", problem.Str("detail"));

        using var branch = As(H.Branch1Token);
        var forbidden = await branch.SendAsync(InLanguage(HttpMethod.Get, $"api/units/{TestHierarchy.Province}", "vi"));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal($"Đơn vị '{TestHierarchy.Province}' nằm ngoài phạm vi đơn vị của bạn.", (await forbidden.JsonAsync()).Str("detail"));
        var forbiddenEn = await branch.SendAsync(InLanguage(HttpMethod.Get, $"api/units/{TestHierarchy.Province}", "en"));
        Assert.Equal($"Unit '{TestHierarchy.Province}' is outside the subtree of your unit.", (await forbiddenEn.JsonAsync()).Str("detail"));

        var missing = await branch.SendAsync(InLanguage(HttpMethod.Get, "api/units/no-such-unit", null));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Không có đơn vị 'no-such-unit'.", (await missing.JsonAsync()).Str("detail"));

        var noRoute = await branch.SendAsync(InLanguage(HttpMethod.Get, "api/no-such-endpoint", null));
        Assert.Equal(HttpStatusCode.NotFound, noRoute.StatusCode);
        Assert.Equal("Không tìm thấy", (await noRoute.JsonAsync()).Str("title"));
    }

    [ConformanceFact]
    public async Task A_stale_quota_conflict_is_in_the_callers_language()
    {
        using var board = As(H.ProvinceBoardToken);
        var year = DateTime.Today.Year;
        var etag = await ETagAsync(TestHierarchy.DirectWard);
        var quota = (await UnitAsync(TestHierarchy.DirectWard)).Int("quota");
        var first = PutQuota(TestHierarchy.DirectWard, new { year, admissions = quota % 20 + 1 }, etag);
        Assert.Equal(HttpStatusCode.OK, (await board.SendAsync(first)).StatusCode);

        var stale = PutQuota(TestHierarchy.DirectWard, new { year, admissions = quota % 20 + 2 }, etag);
        var conflict = await board.SendAsync(stale);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var problem = await conflict.JsonAsync();
        Assert.Equal("Xung đột", problem.Str("title"));
        Assert.StartsWith($"Chỉ tiêu của '{TestHierarchy.DirectWard}' đã thay đổi từ khi bạn đọc", problem.Str("detail"), StringComparison.Ordinal);
    }
}
