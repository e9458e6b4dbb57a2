using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Tests.Support;

namespace Hierarchy.Silo.Tests.Dashboard;

/// <summary>The Orleans dashboard under /orleans: admins only, by bearer token or by the browser's Basic prompt.</summary>
public sealed class OrleansDashboardTests(SqliteSiloFixture fixture) : IClassFixture<SqliteSiloFixture>
{
    private const string Challenge = "Basic realm=\"Hierarchy Orleans dashboard\"";

    private TestSilo Silo => fixture.Silo;

    private TestHierarchy H => fixture.Hierarchy;

    [Fact]
    public async Task Without_credentials_it_is_401_with_a_basic_challenge_everywhere_below_orleans()
    {
        using var anonymous = Silo.Client();
        foreach (var url in new[] { "orleans", "orleans/", "orleans/DashboardCounters", "orleans/index.min.js", "orleans/no/such/page" })
        {
            var response = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.StartsWith(Challenge, response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using var forged = Silo.Client();
        forged.DefaultRequestHeaders.Authorization = Basic((await AdminTokenAsync())[..^2] + "xx");
        var bad = await forged.GetAsync("orleans/");
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.StartsWith(Challenge, bad.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tokens_of_the_hierarchy_roles_are_403_by_bearer_and_by_basic()
    {
        foreach (var token in new[] { H.CommitteeToken, H.ProvinceBoardToken, H.Branch1Token })
        {
            using var bearer = Silo.Client(token);
            var response = await bearer.GetAsync("orleans/");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

            using var basic = Silo.Client();
            basic.DefaultRequestHeaders.Authorization = Basic(token);
            Assert.Equal(HttpStatusCode.Forbidden, (await basic.GetAsync("orleans/DashboardCounters")).StatusCode);
        }
    }

    [Fact]
    public async Task An_admin_opens_it_by_bearer_and_by_basic_and_its_data_endpoints_answer()
    {
        var token = await AdminTokenAsync();
        using var bearer = Silo.Client(token);
        using var basic = Silo.Client();
        basic.DefaultRequestHeaders.Authorization = Basic(token);
        foreach (var client in new[] { bearer, basic })
        {
            var page = await client.GetAsync("orleans/");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);

            // The dashboard gathers its counters every second, so a silo that has just started shows none yet.
            var json = await Eventually.WaitAsync(
                async () =>
                {
                    var counters = await client.GetAsync("orleans/DashboardCounters");
                    Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
                    return await counters.JsonAsync();
                },
                j => j["totalActiveHostCount"]!.GetValue<int>() >= 1,
                TimeSpan.FromSeconds(30));
            Assert.True(json["totalActiveHostCount"]!.GetValue<int>() >= 1, json.ToJsonString());
            Assert.NotEmpty(json["hosts"]!.AsArray());
        }

        // Without the trailing slash the dashboard redirects, so that its relative asset paths resolve.
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Silo.BaseAddress };
        noRedirect.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var redirect = await noRedirect.GetAsync("orleans");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("/orleans/", redirect.Headers.Location?.ToString());
    }

    [Fact]
    public async Task An_admin_reads_no_unit_data()
    {
        using var admin = Silo.Client(await AdminTokenAsync());
        foreach (var url in new[]
        {
            $"api/units/{TestHierarchy.Province}",
            $"api/units/{TestHierarchy.Branch1}/admissions",
            "api/units",
            "api/scenarios",
        })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync(url)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostJsonAsync($"api/units/{TestHierarchy.Branch1}/admissions", Admissions.Valid())).StatusCode);

        // The dashboard's grain-state browser would show what the API refuses.
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("orleans/GrainState?grainType=x&grainId=48")).StatusCode);

        var me = await (await admin.GetAsync("api/me")).JsonAsync();
        Assert.Equal("admin", me.Str("role"));
        Assert.Null(me["unitId"]);
        var system = await admin.GetAsync("api/system");
        Assert.Equal(HttpStatusCode.OK, system.StatusCode);

        // IT staff see where the database is; the other roles see only its kind.
        Assert.StartsWith("SQLite /", (await system.JsonAsync()).Str("storage"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_moves_under_the_base_path_and_can_be_switched_off()
    {
        await using (var silo = await TestSilo.StartAsync(TestStorage.Sqlite(TestStorage.NewSqlitePath()), ["--PathBase=/hierarchy"]))
        {
            using var admin = silo.Client(await AdminTokenAsync(silo));
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("hierarchy/orleans/")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("hierarchy/orleans/ClusterStats")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await silo.Client().GetAsync("hierarchy/orleans/")).StatusCode);
        }

        await using (var silo = await TestSilo.StartAsync(TestStorage.Sqlite(TestStorage.NewSqlitePath()), ["--Orleans:Dashboard:Enabled=false"]))
        {
            using var admin = silo.Client(await AdminTokenAsync(silo));
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("orleans/")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await silo.Client().GetAsync("orleans/")).StatusCode);
        }
    }

    private Task<string> AdminTokenAsync() => AdminTokenAsync(Silo);

    private static async Task<string> AdminTokenAsync(TestSilo silo) =>
        (await silo.Get<UserStore>().AddAsync("", SiloRole.Admin, "IT", "test setup")).Token;

    /// <summary>What a browser sends after its sign-in prompt: any user name, the token as the password.</summary>
    private static AuthenticationHeaderValue Basic(string token) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("it:" + token)));
}
