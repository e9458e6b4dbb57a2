using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Hierarchy.Fault.Tests.Support;
using Hierarchy.Grains.Verification;
using Hierarchy.Silo.Tests.Support;
using Xunit.Abstractions;

namespace Hierarchy.Fault.Tests;

/// <summary>Hostile input on every endpoint gets a clear 4xx and changes no total; conflicting quota edits lose nothing.</summary>
public sealed class HostileInputTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TestSilo silo = null!;
    private TestHierarchy hierarchy = null!;

    public async Task InitializeAsync()
    {
        silo = await TestSilo.StartAsync(TestStorage.Sqlite(TestStorage.NewSqlitePath()));
        hierarchy = await TestHierarchy.CreateAsync(silo);

        // Some real admissions first, so that "unchanged" is about non-zero totals.
        using var client = silo.Client(hierarchy.Branch1Token);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync($"api/units/{TestHierarchy.Branch1}/admissions", Admissions.Valid())).StatusCode);
        }

        // Let them reach the province before anything is compared.
        using var committee = silo.Client(hierarchy.CommitteeToken);
        var province = await Eventually.WaitAsync(async () => (await (await committee.GetAsync($"api/units/{TestHierarchy.Province}")).JsonAsync()).Int("admitted"), n => n == 3);
        Assert.Equal(3, province);
    }

    public async Task DisposeAsync() => await silo.DisposeAsync();

    [Fact]
    public async Task Every_hostile_input_gets_a_clear_4xx_and_changes_no_total()
    {
        var before = await SnapshotAsync();
        var requests = HostileInputs.All(hierarchy);
        using var client = silo.Client();
        var wrong = new List<string>();
        foreach (var hostile in requests)
        {
            using var message = hostile.ToMessage();
            using var response = await client.SendAsync(message);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            if (!hostile.Statuses.Contains(status))
            {
                wrong.Add($"{hostile} → {status} {Clip(text)}");
                continue;
            }

            // A clear answer: problem details, naming the field where the input had one.
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                wrong.Add($"{hostile} → {status} as {response.Content.Headers.ContentType} {Clip(text)}");
                continue;
            }

            if (hostile.Field is { } field && !(JsonNode.Parse(text)?["errors"] is JsonObject errors && errors.ContainsKey(field)))
            {
                wrong.Add($"{hostile} → {status} without naming '{field}': {Clip(text)}");
            }
        }

        output.WriteLine($"{requests.Count} hostile requests, {requests.Count - wrong.Count} answered as expected");
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {requests.Count} hostile requests were answered wrongly:\n" + string.Join('\n', wrong));
        Assert.Equal(before, await SnapshotAsync());
        await AssertConsistentAsync();
    }

    [Fact]
    public async Task Concurrent_quota_edits_with_the_same_If_Match_have_exactly_one_winner()
    {
        using var board = silo.Client(hierarchy.DistrictBoardToken);
        var unit = await board.GetAsync($"api/units/{TestHierarchy.Ward}");
        var version = unit.Headers.ETag!.Tag;
        var auditBefore = await AuditCountAsync(TestHierarchy.Ward);

        var edits = Enumerable.Range(1, 12).Select(async n =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"api/units/{TestHierarchy.Ward}/quota") { Content = new StringContent($"{{\"admissions\":{10 + n}}}") };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(version));
            using var response = await board.SendAsync(request);
            return (n, response.StatusCode);
        });
        var results = await Task.WhenAll(edits);

        var winners = results.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Single(winners);
        Assert.All(results.Except(winners), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));

        // The winner's value is the one kept, under a new version, with one audit entry: no update lost or doubled.
        var after = await (await board.GetAsync($"api/units/{TestHierarchy.Ward}")).JsonAsync();
        Assert.Equal(10 + winners[0].n, after.Int("quota"));
        Assert.NotEqual(version, $"\"{after["quotaVersion"]}\"");
        Assert.Equal(auditBefore + 1, await AuditCountAsync(TestHierarchy.Ward));
        await AssertConsistentAsync();
    }

    [Fact]
    public async Task Injection_and_unicode_in_a_valid_report_are_kept_literally_and_counted_once()
    {
        using var client = silo.Client(hierarchy.Branch2Token);
        var admissions = $"api/units/{TestHierarchy.Branch2}/admissions";
        string[] keys = [HostileInputs.Drop, HostileInputs.Script, HostileInputs.Nfc, HostileInputs.Nfd, "k\u200Dey\u202E", "🏳️‍🌈"];
        var composedKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var body = Admissions.Valid(key);
            body["name"] = HostileInputs.Script + HostileInputs.Drop;

            // The NFD spelling of a key already sent in NFC is the same key: it is a repeat, not a second admission.
            var first = composedKeys.Add(key.Normalize(System.Text.NormalizationForm.FormC));
            Assert.Equal(first ? HttpStatusCode.Created : HttpStatusCode.OK, (await client.PostJsonAsync(admissions, body)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.PostJsonAsync(admissions, body)).StatusCode);
        }

        // Keys are stored in composed form, every other character exactly as it came.
        var stored = (await (await client.GetAsync(admissions)).JsonAsync()).AsArray().Select(a => a!["idempotencyKey"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(stored, composedKeys);
        var branch = await Eventually.WaitAsync(async () => (await (await client.GetAsync($"api/units/{TestHierarchy.Branch2}")).JsonAsync()).Int("admitted"), n => n == composedKeys.Count);
        Assert.Equal(composedKeys.Count, branch);

        // Searching in either normal form finds the same units.
        using var committee = silo.Client(hierarchy.CommitteeToken);
        var composed = await (await committee.GetAsync($"api/units?search={Uri.EscapeDataString("Hòa Liên".Normalize(System.Text.NormalizationForm.FormC))}")).JsonAsync();
        var decomposed = await (await committee.GetAsync($"api/units?search={Uri.EscapeDataString("Hòa Liên".Normalize(System.Text.NormalizationForm.FormD))}")).JsonAsync();
        Assert.NotEmpty(composed.AsArray());
        Assert.Equal(composed.ToJsonString(), decomposed.ToJsonString());
        await AssertConsistentAsync();
    }

    /// <summary>Every figure a hostile request could have moved: each unit's admitted and quota, and the audit length.</summary>
    private async Task<string> SnapshotAsync()
    {
        using var client = silo.Client(hierarchy.CommitteeToken);
        var figures = new List<string>();
        foreach (var unit in TestHierarchy.Units)
        {
            var view = await (await client.GetAsync($"api/units/{unit.Id}")).JsonAsync();
            figures.Add($"{unit.Id}:{view.Int("admitted")}/{view.Int("quota")}/{view["quotaVersion"]}/audit {await AuditCountAsync(unit.Id)}");
        }

        return string.Join(' ', figures);
    }

    private async Task<int> AuditCountAsync(string unitId)
    {
        using var client = silo.Client(hierarchy.CommitteeToken);
        return (await (await client.GetAsync($"api/units/{unitId}/audit?limit=1000")).JsonAsync()).AsArray().Count;
    }

    private async Task AssertConsistentAsync()
    {
        var report = await Eventually.WaitAsync(() => silo.Get<LedgerVerifier>().VerifyAsync(false, CancellationToken.None), r => r.IsConsistent);
        Assert.True(report.IsConsistent, string.Join('\n', report.Differences.Select(d => $"{d.UnitId}: ledger {d.ExpectedAdmitted}, unit {d.ActualAdmitted}")));
    }

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
