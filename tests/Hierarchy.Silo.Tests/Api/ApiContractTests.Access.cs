using System.Net;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Tests.Support;
using Hierarchy.TestSupport;

namespace Hierarchy.Silo.Tests.Api;

public abstract partial class ApiContractTests
{
    [ConformanceFact]
    public async Task A_branch_reads_only_its_branch()
    {
        using var branch = As(H.Branch1Token);
        Assert.Equal(HttpStatusCode.OK, (await branch.GetAsync($"api/units/{TestHierarchy.Branch1}")).StatusCode);
        foreach (var url in new[]
        {
            $"api/units/{TestHierarchy.Branch2}",
            $"api/units/{TestHierarchy.Ward}",
            $"api/units/{TestHierarchy.Province}",
            $"api/units/{TestHierarchy.Branch2}/admissions",
            $"api/units/{TestHierarchy.Branch2}/audit",
            $"api/units/{TestHierarchy.Branch2}/report",
            $"api/units/{TestHierarchy.Branch2}/export.csv",
            $"api/units/{TestHierarchy.Branch2}/stream",
        })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await branch.GetAsync(url)).StatusCode);
        }
    }

    [ConformanceFact]
    public async Task Boards_and_committees_read_their_subtree_only()
    {
        using var wardBoard = As(H.WardBoardToken);
        Assert.Equal(HttpStatusCode.OK, (await wardBoard.GetAsync($"api/units/{TestHierarchy.Branch2}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await wardBoard.GetAsync($"api/units/{TestHierarchy.District}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await wardBoard.GetAsync($"api/units/{TestHierarchy.DirectBranch}")).StatusCode);

        using var district = As(H.DistrictBoardToken);
        Assert.Equal(HttpStatusCode.OK, (await district.GetAsync($"api/units/{TestHierarchy.Branch1}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await district.GetAsync($"api/units/{TestHierarchy.DirectWard}")).StatusCode);

        using var committee = As(H.CommitteeToken);
        Assert.Equal(HttpStatusCode.OK, (await committee.GetAsync($"api/units/{TestHierarchy.DirectBranch}")).StatusCode);
    }

    [ConformanceFact]
    public async Task No_token_bad_token_and_revoked_token_are_401()
    {
        using var anonymous = Anonymous;
        var none = await anonymous.GetAsync($"api/units/{TestHierarchy.Province}");
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);

        using var forged = As(H.CommitteeToken[..^2] + "xx");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync($"api/units/{TestHierarchy.Province}")).StatusCode);

        using var garbage = As("not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await garbage.GetAsync($"api/units/{TestHierarchy.Province}")).StatusCode);

        var users = Silo.Get<UserStore>();
        var (user, token) = await users.AddAsync(TestHierarchy.Ward, SiloRole.Committee, "Short-lived", "test");
        using var client = As(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"api/units/{TestHierarchy.Ward}")).StatusCode);

        // Revoked from another process in real life: the store is read again after a short cache, not notified.
        var store = new UserStore(Silo.Get<Hierarchy.Silo.Storage.SiloRecords>(), TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new AccessOptions()));
        Assert.True(await store.RevokeAsync(user.Id, "test"));
        var status = await Eventually.WaitAsync(
            async () => (await client.GetAsync($"api/units/{TestHierarchy.Ward}")).StatusCode,
            s => s == HttpStatusCode.Unauthorized,
            TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [ConformanceFact]
    public async Task Every_write_is_in_the_audit_with_the_user()
    {
        using var branch = As(H.Branch1Token);
        var created = await (await branch.PostJsonAsync($"api/units/{TestHierarchy.Branch1}/admissions", Admissions.Valid())).JsonAsync();
        await branch.DeleteAsync($"api/units/{TestHierarchy.Branch1}/admissions/{created.Str("id")}?reason=duplicate");

        using var committee = As(H.CommitteeToken);
        var audit = (await (await committee.GetAsync($"api/units/{TestHierarchy.Branch1}/audit")).JsonAsync()).AsArray();
        var mine = audit.Where(e => e!.Str("by") == H.Branch1User.AuditName).ToList();
        Assert.True(mine.Count >= 2, $"expected the admission and its correction by {H.Branch1User.AuditName}; got {string.Join("; ", audit.Select(e => e!.ToJsonString()))}");
        Assert.DoesNotContain("Bí Mật", audit.ToJsonString(), StringComparison.Ordinal);

        using var board = As(H.ProvinceBoardToken);
        var etag = (await board.GetAsync($"api/units/{TestHierarchy.DirectWard}")).Headers.ETag!.ToString();
        var request = new HttpRequestMessage(HttpMethod.Put, $"api/units/{TestHierarchy.DirectWard}/quota")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { year = DateTime.Today.Year, admissions = 7 }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.OK, (await board.SendAsync(request)).StatusCode);
        var wardAudit = (await (await committee.GetAsync($"api/units/{TestHierarchy.DirectWard}/audit?limit=5")).JsonAsync()).AsArray();
        Assert.Contains(wardAudit, e => e!.Str("by") == H.ProvinceBoardUser.AuditName);
        Assert.Equal(["limit"], await (await committee.GetAsync($"api/units/{TestHierarchy.DirectWard}/audit?limit=x")).ProblemFieldsAsync());
    }
}
