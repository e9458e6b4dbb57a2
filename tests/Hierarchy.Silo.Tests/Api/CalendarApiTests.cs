using System.Net;
using System.Text.Json.Nodes;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Api;
using Hierarchy.Silo.Tests.Support;

namespace Hierarchy.Silo.Tests.Api;

public sealed class CalendarApiTests(CalendarSiloFixture fixture) : IClassFixture<CalendarSiloFixture>
{
    private TestSilo Silo => fixture.Silo;

    private HttpClient Secretary() => Silo.Client(fixture.Hierarchy.Branch1Token);

    [Fact]
    public async Task A_year_lists_the_built_in_and_the_configured_holidays_the_worked_days_and_the_weekend_rule()
    {
        using var client = Secretary();
        var response = await client.GetAsync("api/calendar?year=2026");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calendar = await response.JsonAsync();

        Assert.Equal(2026, calendar.Int("year"));
        Assert.Equal(["saturday", "sunday"], calendar["weekend"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.True(calendar["builtIn"]!.GetValue<bool>());

        var holidays = Days(calendar, "holidays");
        Assert.Equal(("Tết Nguyên đán Bính Ngọ", "tuesday", false), holidays["2026-02-17"]);
        Assert.Equal(("Ngày hội của tỉnh", "monday", true), holidays["2026-03-09"]);
        Assert.Equal(Enumerable.Range(14, 9).Select(d => $"2026-02-{d}"), holidays.Keys.Where(k => k.StartsWith("2026-02", StringComparison.Ordinal)));

        var worked = Days(calendar, "workingDays");
        Assert.Equal(["2026-01-10", "2026-03-14", "2026-08-22"], worked.Keys);
        Assert.Equal(("Làm bù theo quyết định của tỉnh", "saturday", true), worked["2026-03-14"]);
        Assert.False(worked["2026-01-10"].Configured);

        // 261 weekdays, less the 13 built-in holidays on weekdays and the configured one, plus three worked Saturdays.
        Assert.Equal(250, calendar.Int("workingDayCount"));
    }

    [Fact]
    public async Task Without_a_year_it_is_this_year_and_a_year_outside_the_data_says_so()
    {
        using var client = Secretary();
        var thisYear = DateOnly.FromDateTime(Silo.Get<TimeProvider>().GetLocalNow().DateTime).Year;
        Assert.Equal(thisYear, (await (await client.GetAsync("api/calendar")).JsonAsync()).Int("year"));

        var later = await (await client.GetAsync("api/calendar?year=2028")).JsonAsync();
        Assert.False(later["builtIn"]!.GetValue<bool>());
        Assert.Empty(later["holidays"]!.AsArray());
    }

    [Fact]
    public async Task The_due_date_skips_Tet_and_the_configured_holiday_and_counts_the_configured_Saturday()
    {
        using var client = Secretary();
        var response = await client.GetAsync("api/calendar/working-days?from=2026-02-10&days=30");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.JsonAsync();
        Assert.Equal("2026-02-10", answer.Str("from"));
        Assert.Equal(30, answer.Int("days"));
        Assert.Equal("2026-03-31", answer.Str("due"));
        var skipped = Days(answer, "holidays");
        Assert.Contains("2026-02-16", skipped.Keys);
        Assert.True(skipped["2026-03-09"].Configured);

        var saturday = await (await client.GetAsync("api/calendar/working-days?from=2026-03-13&days=1")).JsonAsync();
        Assert.Equal("2026-03-14", saturday.Str("due"));
        var monday = await (await client.GetAsync("api/calendar/working-days?from=2026-03-06&days=1")).JsonAsync();
        Assert.Equal("2026-03-10", monday.Str("due"));
    }

    [Theory]
    [InlineData("api/calendar/working-days?from=10/02/2026&days=30", "from")]
    [InlineData("api/calendar/working-days?days=30", "from")]
    [InlineData("api/calendar/working-days?from=1800-01-01&days=30", "from")]
    [InlineData("api/calendar/working-days?from=2026-02-10&days=abc", "days")]
    [InlineData("api/calendar/working-days?from=2026-02-10&days=0", "days")]
    [InlineData("api/calendar/working-days?from=2026-02-10&days=1001", "days")]
    [InlineData("api/calendar/working-days?from=2026-02-10", "days")]
    [InlineData("api/calendar?year=soon", "year")]
    public async Task Bad_input_is_400_naming_the_field(string url, string field)
    {
        using var client = Secretary();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([field], await response.ProblemFieldsAsync());
    }

    [Fact]
    public async Task A_bad_date_is_explained_in_Vietnamese_by_default_and_in_English_on_request()
    {
        using var client = Secretary();
        const string Url = "api/calendar/working-days?from=10/02/2026&days=30";
        var vietnamese = await client.GetAsync(Url);
        Assert.Equal("Yêu cầu không hợp lệ.", (await vietnamese.JsonAsync()).Str("title"));
        Assert.Equal(["'10/02/2026' không phải ngày dạng yyyy-MM-dd."], await vietnamese.ProblemMessagesAsync("from"));

        using var request = new HttpRequestMessage(HttpMethod.Get, "api/calendar/working-days?from=2026-02-10&days=abc");
        request.Headers.TryAddWithoutValidation("Accept-Language", "en");
        var english = await client.SendAsync(request);
        Assert.Equal("The request is not valid.", (await english.JsonAsync()).Str("title"));
        Assert.Equal([$"Expected a whole number from 1 to {CalendarEndpoints.MaxDays}."], await english.ProblemMessagesAsync("days"));
    }

    [Fact]
    public async Task Any_signed_in_user_reads_it_and_nobody_else()
    {
        using var anonymous = Silo.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/calendar?year=2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/calendar/working-days?from=2026-02-10&days=30")).StatusCode);

        var admin = (await Silo.Get<UserStore>().AddAsync("", SiloRole.Admin, "IT", "test setup")).Token;
        foreach (var token in new[] { admin, fixture.Hierarchy.CommitteeToken, fixture.Hierarchy.ProvinceBoardToken })
        {
            using var client = Silo.Client(token);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/calendar?year=2026")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/calendar/working-days?from=2026-02-10&days=30")).StatusCode);
        }
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_both_endpoints()
    {
        using var client = Silo.Client();
        var paths = (await (await client.GetAsync("openapi/v1.json")).JsonAsync())["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/calendar", paths);
        Assert.Contains("/api/calendar/working-days", paths);
    }

    private static Dictionary<string, (string Name, string Weekday, bool Configured)> Days(JsonNode node, string list) =>
        node[list]!.AsArray().ToDictionary(
            d => d!.Str("date"),
            d => (d!.Str("name"), d!.Str("weekday"), d!["configured"]!.GetValue<bool>()));
}
