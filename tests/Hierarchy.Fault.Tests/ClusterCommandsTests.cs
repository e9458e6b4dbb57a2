using System.Net;
using System.Net.Http.Json;
using Hierarchy.Fault.Tests.Support;
using Hierarchy.Silo.Tests.Support;
using Hierarchy.TestSupport;

namespace Hierarchy.Fault.Tests;

/// <summary>The operator's commands run beside a live cluster on PostgreSQL, joining it as Orleans clients.</summary>
public sealed class ClusterCommandsTests
{
    [PostgresFact]
    public async Task Imports_users_and_verify_repair_work_against_a_running_cluster()
    {
        await using var cluster = await ClusterSite.StartAsync(silos: 2);
        var site = cluster.Site;

        // A new branch imported while both silos serve: the unit is activated once, in the cluster.
        var csv = Path.Combine(site.Folder, "more-branches.csv");
        await File.WriteAllLinesAsync(csv, ["wardId,branchId,name,membersAtStart,quota", "20197,20197-01,Chi bộ 20197-01,30,4"]);
        var import = await site.CliAsync("import-branches", csv);
        Assert.True(import.ExitCode == 0, import.Output + import.Error);
        Assert.Equal("", import.Error);
        var user = await site.CliAsync("users", "add", "--unit", "20197-01", "--role", "branch", "--name", "Bí thư chi bộ 20197-01");
        Assert.True(user.ExitCode == 0, user.Output + user.Error);
        var token = user.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];

        // Reports for it through the proxy reach the province, whichever silo takes them.
        using var client = cluster.Proxy.Client();
        var load = new IngestLoad(client, [("20197-01", token)]);
        await load.RunAsync(2, CancellationToken.None, perClient: 10);
        Assert.Equal(20, load.Acknowledged.Count);
        foreach (var silo in cluster.Silos)
        {
            using var direct = silo.Client(site.BoardToken);
            var unit = await direct.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>("api/units/20197-01");
            Assert.Equal(20, unit!["admitted"]!.GetValue<int>());
        }

        var repair = await site.CliAsync("verify", "--repair");
        Assert.True(repair.ExitCode == 0, repair.Output + repair.Error);
        var verify = await site.CliAsync("verify");
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        Assert.Contains("Consistent", verify.Output, StringComparison.Ordinal);

        // Both silos still serve; the commands' client left no member behind.
        Assert.All(cluster.Silos, silo => Assert.False(silo.HasExited, cluster.Logs));
        using var health = cluster.Silos[1].Client();
        Assert.Equal(HttpStatusCode.OK, (await health.GetAsync("health/ready")).StatusCode);
    }
}
