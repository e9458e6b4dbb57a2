using System.Net;
using Hierarchy.Silo.Tests.Support;

namespace Hierarchy.Silo.Tests.Api;

public sealed class HostingTests
{
    [Fact]
    public async Task Everything_moves_under_a_configured_base_path()
    {
        await using var silo = await TestSilo.StartAsync(TestStorage.Sqlite(TestStorage.NewSqlitePath()), ["--PathBase=/hierarchy"]);
        var hierarchy = await TestHierarchy.CreateAsync(silo);
        using var client = silo.Client(hierarchy.CommitteeToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"hierarchy/api/units/{TestHierarchy.Province}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("hierarchy/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("hierarchy/health/ready")).StatusCode);

        using var branch = silo.Client(hierarchy.Branch1Token);
        var created = await branch.PostJsonAsync($"hierarchy/api/units/{TestHierarchy.Branch1}/admissions", Admissions.Valid());
        Assert.StartsWith("/hierarchy/api/units/", created.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
