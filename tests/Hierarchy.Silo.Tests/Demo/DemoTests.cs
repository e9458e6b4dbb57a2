using System.Net;
using Hierarchy.Grains;
using Hierarchy.Grains.Catalogue;
using Hierarchy.Silo.Hosting;
using Hierarchy.Silo.Storage;
using Hierarchy.Silo.Tests.Support;

namespace Hierarchy.Silo.Tests.Demo;

public sealed class DemoTests
{
    [Fact]
    public async Task An_empty_database_gets_the_demo_province_working_tokens_and_a_moving_simulator()
    {
        var storage = TestStorage.Sqlite(TestStorage.NewSqlitePath());
        await using var silo = await TestSilo.StartAsync(storage,
        [
            "--Demo:Enabled=true",
            $"--Demo:CataloguePath={RepositoryFiles.Catalogue}",
            "--Demo:Simulator:Enabled=true",
            "--Demo:Simulator:IntervalSeconds=0.2",
            "--Demo:Simulator:SecondsPerDay=0.5",
        ]);

        var mode = await silo.Get<DatabaseModeStore>().GetAsync();
        Assert.Equal(DatabaseMode.Demo, mode.Mode);
        Assert.True(mode.Loaded);
        var roots = await silo.Get<HierarchyService>().Grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).GetRootsAsync();
        Assert.Equal(["48"], roots.Select(r => r.Id));

        var accounts = silo.Get<StartupBanner>().DemoAccounts;
        Assert.Equal(3, accounts.Count);
        var names = new List<string>();
        foreach (var account in accounts)
        {
            using var client = silo.Client(account.Token);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"api/units/{account.UnitId}")).StatusCode);
            names.Add((await (await client.GetAsync("api/me")).JsonAsync()).Str("name"));
        }

        Assert.Equal("Nguyễn Văn An — Ủy viên Ban Thường vụ Thành ủy", names[0]);
        Assert.Equal("Trần Thị Bình — Trưởng Ban Tổ chức Thành ủy", names[1]);
        Assert.StartsWith("Lê Văn Cường — Bí thư Chi bộ ", names[2], StringComparison.Ordinal);

        using var committee = silo.Client(accounts[0].Token);

        // The demo's candidate sources reach the province: early cases and some past the branch resolution, none
        // taken to the ceremony, so the demo's admissions are the ones it reported.
        var pipeline = (await (await committee.GetAsync("api/units/48")).JsonAsync())["pipeline"]!;
        Assert.True(pipeline["atStage"]!.Int("introduced") > 0);
        Assert.True(pipeline.Int("pastResolution") > 0);
        Assert.Equal(0, pipeline["atStage"]!.Int("admitted"));
        Assert.Equal(pipeline.Int("projected") + pipeline.Int("pastResolution"), pipeline.Int("projectedWithCandidates"));

        var before = (await (await committee.GetAsync("api/units/48")).JsonAsync()).Int("admitted");
        var after = await Eventually.WaitAsync(
            async () => (await (await committee.GetAsync("api/units/48")).JsonAsync()).Int("admitted"),
            n => n > before);
        Assert.True(after > before, "the simulator reported nothing");
    }

    [Fact]
    public async Task A_demo_on_the_2025_catalogue_has_communes_straight_under_the_province_and_every_role_works()
    {
        await using var silo = await TestSilo.StartAsync(TestStorage.Sqlite(TestStorage.NewSqlitePath()),
        [
            "--Demo:Enabled=true",
            "--Demo:Catalogue=2025",
            "--Demo:Simulator:Enabled=false",
        ]);

        var accounts = silo.Get<StartupBanner>().DemoAccounts;
        Assert.Equal(3, accounts.Count);
        using var committee = silo.Client(accounts[0].Token);
        var danang = await (await committee.GetAsync("api/units/48")).JsonAsync();
        Assert.Equal(("Thành phố Đà Nẵng", "province"), (danang.Str("name"), danang.Str("level")));
        var children = danang["children"]!.AsArray();
        Assert.Equal(94, children.Count);
        Assert.All(children, c => Assert.Equal("ward", c!.Str("level")));
        Assert.Contains(children, c => c!.Str("levelName") == "Đặc khu" && c!.Str("name") == "Đặc khu Hoàng Sa");
        Assert.True(danang.Int("admitted") > 0);

        var branch = accounts[2];
        using var secretary = silo.Client(branch.Token);
        var path = (await (await secretary.GetAsync($"api/units/{branch.UnitId}/path")).JsonAsync()).AsArray();
        Assert.Equal(["province", "ward", "branch"], path.Select(p => p!.Str("level")));
        Assert.Equal(HttpStatusCode.Created, (await secretary.PostJsonAsync($"api/units/{branch.UnitId}/admissions", Admissions.Valid())).StatusCode);
        var after = await Eventually.WaitAsync(
            async () => (await (await committee.GetAsync("api/units/48")).JsonAsync()).Int("admitted"),
            n => n == danang.Int("admitted") + 1);
        Assert.Equal(danang.Int("admitted") + 1, after);
    }

    [Fact]
    public async Task A_demo_database_is_readable_without_a_token_from_loopback_only_and_never_writable()
    {
        await using var silo = await TestSilo.StartAsync(TestStorage.Sqlite(TestStorage.NewSqlitePath()));
        await silo.Get<HierarchyService>().DefineUnitsAsync(TestHierarchy.Units, "test");
        await silo.Get<DatabaseModeStore>().MarkDemoAsync("province:99", loaded: true, "test");

        using var anonymous = silo.Client();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"api/units/{TestHierarchy.Province}")).StatusCode);
        Assert.True((await (await anonymous.GetAsync("api/me")).JsonAsync())["anonymous"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostJsonAsync($"api/units/{TestHierarchy.Branch1}/admissions", Admissions.Valid())).StatusCode);

        var forwarded = new HttpRequestMessage(HttpMethod.Get, $"api/units/{TestHierarchy.Province}");
        forwarded.Headers.Add("X-Forwarded-For", "203.0.113.7");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.SendAsync(forwarded)).StatusCode);
    }

    [Fact]
    public async Task The_demo_and_its_simulator_never_touch_imported_data()
    {
        var storage = TestStorage.Sqlite(TestStorage.NewSqlitePath());
        await using (var first = await TestSilo.StartAsync(storage))
        {
            await TestHierarchy.CreateAsync(first);
        }

        await using var silo = await TestSilo.StartAsync(storage,
        [
            "--Demo:Enabled=true",
            $"--Demo:CataloguePath={RepositoryFiles.Catalogue}",
            "--Demo:Simulator:Enabled=true",
            "--Demo:Simulator:IntervalSeconds=0.1",
        ]);
        await Task.Delay(1000);
        Assert.Equal(DatabaseMode.Imported, (await silo.Get<DatabaseModeStore>().GetAsync()).Mode);
        var roots = await silo.Get<HierarchyService>().Grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).GetRootsAsync();
        Assert.Equal([TestHierarchy.Province], roots.Select(r => r.Id));
        var province = await silo.Get<HierarchyService>().Unit(TestHierarchy.Province).GetViewAsync(DateTime.Today.Year, DateOnly.FromDateTime(DateTime.Today));
        Assert.Equal(0, province!.Admitted);
        Assert.Empty(silo.Get<StartupBanner>().DemoAccounts);
    }

    [Fact]
    public async Task A_second_silo_on_the_same_database_refuses_to_start()
    {
        var storage = TestStorage.Sqlite(TestStorage.NewSqlitePath());
        await using var first = await TestSilo.StartAsync(storage);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => TestSilo.StartAsync(storage, ["--Silo:InstanceName=second"]));
        Assert.Contains("serving this database", refused.Message, StringComparison.Ordinal);
    }
}
