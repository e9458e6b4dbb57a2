using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Hierarchy.Silo.Tests.Support;
using Hierarchy.TestSupport;

namespace Hierarchy.Silo.Tests.Api;

public abstract partial class ApiContractTests
{
    private static readonly TimeZoneInfo BusinessZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    /// <summary>Last year's six-month report: over whatever today is, and reports dated in it are still taken while it is open.</summary>
    private static string LastFirstHalf => $"{DateTime.Today.Year - 1}-H1";

    private static string InLastFirstHalf(int day) => new DateOnly(DateTime.Today.Year - 1, 3, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> DatedReport(string admittedOn) => Admissions.With("admittedOn", admittedOn);

    private static object Period(string period) => new { period };

    [ConformanceFact]
    public async Task Closing_goes_up_from_the_branches_and_a_late_report_gets_409_naming_the_closing_until_the_board_reopens()
    {
        var tree = await ClosingTree.CreateAsync(Silo);
        using var secretary = As(tree.Branch1Token);
        using var wardBoard = As(tree.WardBoardToken);
        var admissions = $"api/units/{tree.Branch1}/admissions";
        var earlier = await secretary.PostJsonAsync(admissions, DatedReport(InLastFirstHalf(2)));
        Assert.Equal(HttpStatusCode.Created, earlier.StatusCode);
        var earlierId = (await earlier.JsonAsync()).Str("id");

        var closed = await secretary.PostJsonAsync($"api/units/{tree.Branch1}/closings", Period(LastFirstHalf));
        Assert.Equal(HttpStatusCode.Created, closed.StatusCode);
        Assert.EndsWith($"/api/units/{tree.Branch1}/closings/{LastFirstHalf}", closed.Headers.Location!.ToString(), StringComparison.Ordinal);
        var closing = await closed.JsonAsync();
        Assert.Equal(tree.Branch1Secretary, closing.Str("closedBy"));
        Assert.Equal($"{DateTime.Today.Year - 1}-06-30", closing.Str("to"));
        Assert.Equal(HttpStatusCode.OK, (await secretary.PostJsonAsync($"api/units/{tree.Branch1}/closings", Period(LastFirstHalf.ToLowerInvariant()))).StatusCode);
        var located = await secretary.GetAsync(closed.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, located.StatusCode);
        Assert.Equal(closing.Str("closedAt"), (await located.JsonAsync()).Str("closedAt"));

        // The ward waits for its second branch, and says which one by name.
        var early = await wardBoard.PostJsonAsync($"api/units/{tree.Ward}/closings", Period(LastFirstHalf));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var waiting = await early.JsonAsync();
        Assert.Equal(
            $"Chưa khóa sổ được 6 tháng đầu năm {DateTime.Today.Year - 1} của Đảng bộ xã Hòa Khóa: còn 1 đơn vị trực thuộc chưa khóa sổ: Chi bộ Thôn Khóa 2.",
            waiting.Str("detail"));
        Assert.Equal([tree.Branch2], waiting["openUnits"]!.AsArray().Select(u => u!.Str("id")));
        using var second = As(tree.Branch2Token);
        Assert.Equal(HttpStatusCode.Created, (await second.PostJsonAsync($"api/units/{tree.Branch2}/closings", Period(LastFirstHalf))).StatusCode);
        var wardClosed = await wardBoard.PostJsonAsync($"api/units/{tree.Ward}/closings", Period(LastFirstHalf));
        Assert.Equal(HttpStatusCode.Created, wardClosed.StatusCode);

        var listBefore = await (await secretary.GetAsync($"{admissions}?year={DateTime.Today.Year - 1}")).Content.ReadAsStringAsync();
        var auditBefore = (await (await wardBoard.GetAsync($"api/units/{tree.Branch1}/audit")).JsonAsync()).AsArray().Count;
        var admittedBefore = (await UnitAsync($"{tree.Branch1}?year={DateTime.Today.Year - 1}", tree.CommitteeToken)).Int("admitted");

        // A late report, in Vietnamese by default: the period, who closed it and when.
        var closedAt = TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(closing.Str("closedAt"), CultureInfo.InvariantCulture), BusinessZone);
        var late = DatedReport(InLastFirstHalf(20));
        var refused = await secretary.PostJsonAsync(admissions, late);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal("Xung đột", problem.Str("title"));
        Assert.Equal(
            $"Không ghi nhận được kết nạp hay sửa sai ghi ngày 20/03/{DateTime.Today.Year - 1} tại Chi bộ Thôn Khóa 1: 6 tháng đầu năm {DateTime.Today.Year - 1} đã khóa sổ lúc {closedAt:HH:mm} ngày {closedAt:dd/MM/yyyy}, người khóa sổ: {tree.Branch1Secretary}. Cần mở lại kỳ đã khóa sổ trước khi ghi nhận.",
            problem.Str("detail"));
        Assert.Equal(["admittedOn"], await refused.ProblemFieldsAsync());
        var english = await secretary.SendAsync(InLanguage(HttpMethod.Post, admissions, "en", late));
        Assert.Equal(HttpStatusCode.Conflict, english.StatusCode);
        Assert.Equal(
            $"Nothing dated {DateTime.Today.Year - 1}-03-20 can be recorded or corrected at Chi bộ Thôn Khóa 1: the first half of {DateTime.Today.Year - 1} was closed at {closedAt:yyyy-MM-dd HH:mm} by {tree.Branch1Secretary}. Reopen the period first.",
            (await english.JsonAsync()).Str("detail"));

        // The same refusal for a file, whole, and for a correction.
        var csv = "idempotencyKey,admittedOn,gender,birthDate,youthUnion,ethnicMinority,religious,privateBusinessOwner,education,occupation,name\n" +
                  $"csv-{Guid.NewGuid():N},{DateTime.Today.Year - 1}-09-01,female,{DateTime.Today.Year - 26}-01-01,true,false,false,false,university,farmer,\n" +
                  $"csv-{Guid.NewGuid():N},{InLastFirstHalf(21)},female,{DateTime.Today.Year - 26}-01-01,true,false,false,false,university,farmer,\n";
        var upload = await secretary.PostRawAsync($"{admissions}/upload", csv, "text/csv");
        Assert.Equal(HttpStatusCode.Conflict, upload.StatusCode);
        Assert.Equal([$"Dòng 3: Không ghi nhận được kết nạp hay sửa sai ghi ngày 21/03/{DateTime.Today.Year - 1} tại Chi bộ Thôn Khóa 1: 6 tháng đầu năm {DateTime.Today.Year - 1} đã khóa sổ lúc {closedAt:HH:mm} ngày {closedAt:dd/MM/yyyy}, người khóa sổ: {tree.Branch1Secretary}. Cần mở lại kỳ đã khóa sổ trước khi ghi nhận."], await upload.ProblemMessagesAsync("admittedOn"));
        var correction = await secretary.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"{admissions}/{earlierId}?reason=typed%20twice"));
        Assert.Equal(HttpStatusCode.Conflict, correction.StatusCode);
        Assert.Equal(["admissionId"], await correction.ProblemFieldsAsync());

        // Nothing recorded changed: the list, the audit log and the totals.
        Assert.Equal(listBefore, await (await secretary.GetAsync($"{admissions}?year={DateTime.Today.Year - 1}")).Content.ReadAsStringAsync());
        Assert.Equal(auditBefore, (await (await wardBoard.GetAsync($"api/units/{tree.Branch1}/audit")).JsonAsync()).AsArray().Count);
        Assert.Equal(admittedBefore, (await UnitAsync($"{tree.Branch1}?year={DateTime.Today.Year - 1}", tree.CommitteeToken)).Int("admitted"));

        // The ward's page shows its own closing and, per branch, who has closed the year's periods.
        var wardView = await Eventually.WaitAsync(
            () => UnitAsync($"{tree.Ward}?year={DateTime.Today.Year - 1}", tree.WardBoardToken),
            v => v["children"]!.AsArray().All(c => c!["closing"]!["firstHalf"] is JsonObject));
        Assert.Equal(tree.WardBoard, wardView["closing"]!["firstHalf"]!.Str("closedBy"));
        Assert.Null(wardView["closing"]!["year"]);
        Assert.Equal(LastFirstHalf, wardView["closings"]!.AsArray().Single()!.Str("period"));
        Assert.All(wardView["children"]!.AsArray(), c => Assert.Null(c!["closing"]!["year"]));

        // The secretary cannot reopen the branch while the ward is closed: 409 names the ward's closing.
        var alone = await secretary.DeleteAsync($"api/units/{tree.Branch1}/closings/{LastFirstHalf}");
        Assert.Equal(HttpStatusCode.Conflict, alone.StatusCode);
        var parentClosed = await alone.JsonAsync();
        Assert.StartsWith("Chưa mở lại riêng Chi bộ Thôn Khóa 1 được: 6 tháng đầu năm", parentClosed.Str("detail"), StringComparison.Ordinal);
        Assert.Contains($"của đơn vị cấp trên, Đảng bộ xã Hòa Khóa, đã khóa sổ lúc", parentClosed.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(tree.WardBoard, parentClosed["closing"]!.Str("closedBy"));
        Assert.Equal(tree.Ward, parentClosed["closing"]!.Str("unitId"));

        // The ward's board reopens the ward and both branches with it.
        var reopened = await wardBoard.DeleteAsync($"api/units/{tree.Ward}/closings/{LastFirstHalf}");
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal([tree.Ward, tree.Branch1, tree.Branch2], (await reopened.JsonAsync())["reopened"]!.AsArray().Select(u => u!.Str("id")));
        Assert.Equal(HttpStatusCode.Created, (await secretary.PostJsonAsync(admissions, late)).StatusCode);
        Assert.Equal(admittedBefore + 1, (await UnitAsync($"{tree.Branch1}?year={DateTime.Today.Year - 1}", tree.CommitteeToken)).Int("admitted"));
        var audit = (await (await wardBoard.GetAsync($"api/units/{tree.Branch1}/audit")).JsonAsync()).AsArray();
        Assert.Contains(audit, e => e!.Str("kind") == "closing" && e!.Str("summary").StartsWith($"reopened {LastFirstHalf}", StringComparison.Ordinal) && e!.Str("by") == tree.WardBoard);
        Assert.Contains(audit, e => e!.Str("kind") == "closing" && e!.Str("summary") == $"closed {LastFirstHalf}" && e!.Str("by") == tree.Branch1Secretary);
        Assert.Empty((await (await secretary.GetAsync($"api/units/{tree.Branch1}/closings")).JsonAsync()).AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"api/units/{tree.Branch1}/closings/{LastFirstHalf}")).StatusCode);
    }

    [ConformanceFact]
    public async Task Closing_and_reopening_are_for_the_branchs_secretary_and_the_boards_above_and_bad_periods_are_400()
    {
        var tree = await ClosingTree.CreateAsync(Silo);
        var url = $"api/units/{tree.Branch1}/closings";
        using var anonymous = Anonymous;
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync(url, Period(LastFirstHalf))).StatusCode);

        // Only the branch's own secretary closes it; a board closes what the branches have closed.
        foreach (var token in new[] { tree.SiblingBranchToken, tree.WardBoardToken, tree.ProvinceBoardToken, tree.CommitteeToken })
        {
            using var other = As(token);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.PostJsonAsync(url, Period(LastFirstHalf))).StatusCode);
        }

        // Above the branches, boards of that unit or above it; not a board of another subtree, a committee, a secretary.
        foreach (var token in new[] { tree.SiblingBoardToken, tree.CommitteeToken, tree.Branch1Token })
        {
            using var other = As(token);
            var refused = await other.PostJsonAsync($"api/units/{tree.Ward}/closings", Period(LastFirstHalf));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var committee = As(tree.CommitteeToken);
        var committeeEnglish = await committee.SendAsync(InLanguage(HttpMethod.Post, $"api/units/{tree.Ward}/closings", "en", Period(LastFirstHalf)));
        Assert.Equal($"The periods of '{tree.Ward}' are closed and reopened by the board of that unit or of one above it.", (await committeeEnglish.JsonAsync()).Str("detail"));

        using var secretary = As(tree.Branch1Token);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.PostJsonAsync("api/units/no-such-unit/closings", Period(LastFirstHalf))).StatusCode);

        var half = await secretary.PostJsonAsync(url, Period($"{DateTime.Today.Year - 1}-H2"));
        Assert.Equal(HttpStatusCode.BadRequest, half.StatusCode);
        Assert.Equal(
            [$"'{DateTime.Today.Year - 1}-H2' không phải kỳ khóa sổ; dùng năm (2026) hoặc 6 tháng đầu năm (2026-H1)."],
            await half.ProblemMessagesAsync("period"));
        var word = await secretary.SendAsync(InLanguage(HttpMethod.Post, url, "en", Period("last year")));
        Assert.Equal(["'last year' is not a closing period; use a year (2026) or the first half of one (2026-H1)."], await word.ProblemMessagesAsync("period"));
        Assert.Equal(["period"], await (await secretary.PostJsonAsync(url, new { })).ProblemFieldsAsync());
        Assert.Equal(["perod"], await (await secretary.PostJsonAsync(url, new { perod = LastFirstHalf })).ProblemFieldsAsync());

        // This year has not ended: nothing to close yet.
        var thisYear = await secretary.PostJsonAsync(url, Period($"{DateTime.Today.Year}"));
        Assert.Equal(HttpStatusCode.BadRequest, thisYear.StatusCode);
        Assert.Equal([$"Năm {DateTime.Today.Year} kết thúc ngày 31/12/{DateTime.Today.Year}; được khóa sổ từ ngày 01/01/{DateTime.Today.Year + 1}."], await thisYear.ProblemMessagesAsync("period"));

        // Reopening: 404 while open; the same people may reopen, and a secretary may reopen the branch when only it is closed.
        var notClosed = await secretary.DeleteAsync($"{url}/{LastFirstHalf}");
        Assert.Equal(HttpStatusCode.NotFound, notClosed.StatusCode);
        Assert.Equal(["period"], await notClosed.ProblemFieldsAsync());
        Assert.Equal(["period"], await (await secretary.DeleteAsync($"{url}/H1-{DateTime.Today.Year - 1}")).ProblemFieldsAsync());
        Assert.Equal(HttpStatusCode.Created, (await secretary.PostJsonAsync(url, Period(LastFirstHalf))).StatusCode);
        foreach (var token in new[] { tree.SiblingBranchToken, tree.SiblingBoardToken, tree.CommitteeToken })
        {
            using var other = As(token);
            Assert.Equal(HttpStatusCode.Forbidden, (await other.DeleteAsync($"{url}/{LastFirstHalf}")).StatusCode);
        }

        var reopened = await secretary.DeleteAsync($"{url}/{LastFirstHalf}");
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Equal([tree.Branch1], (await reopened.JsonAsync())["reopened"]!.AsArray().Select(u => u!.Str("id")));

        // A board above the branch may reopen it too.
        Assert.Equal(HttpStatusCode.Created, (await secretary.PostJsonAsync(url, Period(LastFirstHalf))).StatusCode);
        using var wardBoard = As(tree.WardBoardToken);
        Assert.Equal(HttpStatusCode.OK, (await wardBoard.DeleteAsync($"{url}/{LastFirstHalf}")).StatusCode);
    }
}
