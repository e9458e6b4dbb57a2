using System.Text.Json.Nodes;
using Hierarchy.Silo.Tests.Support;

namespace Hierarchy.Silo.Tests.Api;

/// <summary>
/// The HTTP contract of issue 4, every status code included, run over real HTTP against each storage
/// (<see cref="SqliteApiContractTests"/>, <see cref="PostgresApiContractTests"/>).
/// </summary>
public abstract partial class ApiContractTests(SiloFixture fixture)
{
    protected TestSilo Silo => fixture.Silo;

    protected TestHierarchy H => fixture.Hierarchy;

    protected HttpClient Anonymous => Silo.Client();

    protected HttpClient As(string token) => Silo.Client(token);

    protected async Task<JsonNode> UnitAsync(string id, string? token = null)
    {
        using var client = Silo.Client(token ?? H.CommitteeToken);
        var response = await client.GetAsync($"api/units/{id}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    protected async Task<int> AdmittedAsync(string id) => (await UnitAsync(id)).Int("admitted");

    /// <summary>Waits for a unit's admitted count to reach a value (rollup is asynchronous, well under a second).</summary>
    protected Task<int> AdmittedEventuallyAsync(string id, int expected) =>
        Eventually.WaitAsync(() => AdmittedAsync(id), n => n == expected);

    /// <summary>
    /// The province's admitted count once every branch's own count has reached it, so a test starts from a
    /// total that no rollup still in flight (its own or an earlier test's) will change.
    /// </summary>
    protected async Task<int> SettledProvinceAdmittedAsync()
    {
        var branches = 0;
        foreach (var branch in new[] { TestHierarchy.Branch1, TestHierarchy.Branch2, TestHierarchy.DirectBranch })
        {
            branches += await AdmittedAsync(branch);
        }

        var province = await AdmittedEventuallyAsync(TestHierarchy.Province, branches);
        Assert.Equal(branches, province);
        return province;
    }
}
