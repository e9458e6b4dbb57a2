using System.Net;
using System.Net.Http.Headers;
using Hierarchy.Silo.Streaming;
using Hierarchy.Silo.Tests.Support;
using Hierarchy.TestSupport;

namespace Hierarchy.Silo.Tests.Api;

public abstract partial class ApiContractTests
{
    [ConformanceFact]
    public async Task The_province_stream_delivers_a_branch_report()
    {
        using var committee = As(H.CommitteeToken);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var request = new HttpRequestMessage(HttpMethod.Get, $"api/units/{TestHierarchy.Province}/stream");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await committee.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);

        using var events = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var first = await events.NextAsync(timeout.Token);
        Assert.NotNull(first);
        Assert.Equal(TestHierarchy.Province, first.Value.Data.Str("id"));
        Assert.Equal(first.Value.Data["version"]!.ToString(), first.Value.Id);
        Assert.True(Silo.Get<UnitStreamRegistry>().ClientCount >= 1);

        using var branch = As(H.DirectBranchToken);
        var reported = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Created, (await branch.PostJsonAsync($"api/units/{TestHierarchy.DirectBranch}/admissions", Admissions.Valid())).StatusCode);

        // Branch totals are durable when a report is acknowledged, so their sum is what the province must show once
        // this report (and any earlier test's still on its way up) has arrived.
        var expected = 0;
        foreach (var id in new[] { TestHierarchy.Branch1, TestHierarchy.Branch2, TestHierarchy.DirectBranch })
        {
            expected += await AdmittedAsync(id);
        }

        var admitted = first.Value.Data.Int("admitted");
        while (admitted != expected)
        {
            var next = await events.NextAsync(timeout.Token);
            Assert.NotNull(next);
            admitted = next.Value.Data.Int("admitted");
        }

        Assert.True(reported.Elapsed < TimeSpan.FromSeconds(5), $"the report took {reported.Elapsed} to reach the province's stream");
    }

    [ConformanceFact]
    public async Task Stream_errors_are_problems_and_clients_leave_cleanly()
    {
        using var anonymous = Anonymous;
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"api/units/{TestHierarchy.Province}/stream")).StatusCode);
        using var committee = As(H.CommitteeToken);
        Assert.Equal(HttpStatusCode.NotFound, (await committee.GetAsync("api/units/no-such-unit/stream")).StatusCode);

        // Other tests' hubs may still be closing, so only the ward's own hub is watched.
        var registry = Silo.Get<UnitStreamRegistry>();
        Assert.False(await Eventually.WaitAsync(() => Task.FromResult(registry.HasHub(TestHierarchy.Ward)), live => !live));
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            using var response = await committee.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"api/units/{TestHierarchy.Ward}/stream"), HttpCompletionOption.ResponseHeadersRead, cts.Token);
            using var events = new SseReader(await response.Content.ReadAsStreamAsync(cts.Token));
            Assert.NotNull(await events.NextAsync(cts.Token));
            Assert.True(registry.HasHub(TestHierarchy.Ward));
        }

        Assert.False(await Eventually.WaitAsync(() => Task.FromResult(registry.HasHub(TestHierarchy.Ward)), live => !live));
    }
}
