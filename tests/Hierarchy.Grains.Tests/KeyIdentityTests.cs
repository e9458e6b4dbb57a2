using Hierarchy.Grains.Units;
using Hierarchy.TestSupport;

namespace Hierarchy.Grains.Tests;

/// <summary>
/// Unit ids are exact strings. Orleans' stock ADO.NET storage merges keys that read as the same hexadecimal number
/// (dotnet/orleans#9706: "1", "01" and "001"; "0a" and "0A"); through Orleans on our storage they stay apart, each with
/// its own totals, across a restart.
/// </summary>
public sealed class KeyIdentityTests
{
    // Three provinces whose ids are one number in hexadecimal; wards 0a and 0A; branches 0777, 777 and 000777.
    private static readonly UnitDefinition[] Units =
    [
        new("01", "Tỉnh Không Một", UnitLevel.Province, null),
        new("1", "Tỉnh Một", UnitLevel.Province, null),
        new("001", "Tỉnh Không Không Một", UnitLevel.Province, null),
        new("0a", "Xã a thường", UnitLevel.Ward, "01"),
        new("0A", "Xã A hoa", UnitLevel.Ward, "1"),
        new("a1", "Xã A Một", UnitLevel.Ward, "001"),
        new("0777", "Chi bộ 0777", UnitLevel.Branch, "0a"),
        new("777", "Chi bộ 777", UnitLevel.Branch, "0A"),
        new("000777", "Chi bộ 000777", UnitLevel.Branch, "a1"),
    ];

    // Admissions per branch, and so per ward and province above it.
    private static readonly Dictionary<string, int> Expected = new(StringComparer.Ordinal)
    {
        ["0777"] = 1, ["0a"] = 1, ["01"] = 1,
        ["777"] = 2, ["0A"] = 2, ["1"] = 2,
        ["000777"] = 3, ["a1"] = 3, ["001"] = 3,
    };

    [Fact]
    public async Task Ids_equal_as_hexadecimal_numbers_are_different_units_on_sqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hierarchy-keys-{Guid.NewGuid():N}.db");
        try
        {
            await DefineReportRestartAndCheckAsync(HierarchyStore.Sqlite(path));
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    [PostgresFact]
    public async Task Ids_equal_as_hexadecimal_numbers_are_different_units_on_postgres()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        await DefineReportRestartAndCheckAsync(HierarchyStore.Postgres(database.ConnectionString));
    }

    private static async Task DefineReportRestartAndCheckAsync(HierarchyStore store)
    {
        await using (var silo = await HierarchySilo.StartAsync(store))
        {
            await silo.Hierarchy.DefineUnitsAsync(Units, "test");
            foreach (var branch in new[] { "0777", "777", "000777" })
            {
                for (var i = 0; i < Expected[branch]; i++)
                {
                    // The same idempotency keys at every branch: each branch's ledger is its own.
                    var result = await silo.Unit(branch).ReportAdmissionAsync(HierarchySilo.Report($"k{i}"), "test");
                    Assert.Equal(Admissions.AdmissionOutcome.Created, result.Outcome);
                }
            }

            foreach (var (id, admitted) in Expected)
            {
                Assert.Equal(admitted, (await silo.WaitForAdmittedAsync(id, admitted)).Admitted);
            }
        }

        await using var restarted = await HierarchySilo.StartAsync(store);
        foreach (var unit in Units)
        {
            var info = await restarted.Unit(unit.Id).GetInfoAsync();
            Assert.True(info.Exists, unit.Id);
            Assert.Equal((unit.Name, unit.Level, unit.ParentId), (info.Name, info.Level, info.ParentId));
            var view = await restarted.ViewAsync(unit.Id);
            Assert.True(Expected[unit.Id] == view.Admitted, $"{unit.Id}: {view.Admitted} admitted, {Expected[unit.Id]} expected");
        }

        Assert.Equal(["0777"], await restarted.Unit("0a").GetChildIdsAsync());
        Assert.Equal(["777"], await restarted.Unit("0A").GetChildIdsAsync());
        Assert.Equal(["0a"], await restarted.Unit("01").GetChildIdsAsync());
        Assert.Equal(["0A"], await restarted.Unit("1").GetChildIdsAsync());
        Assert.Equal(["a1"], await restarted.Unit("001").GetChildIdsAsync());
        Assert.Equal(2, (await restarted.Unit("777").ListAdmissionsAsync(null)).Count);
        Assert.Equal(Admissions.AdmissionOutcome.Repeated, (await restarted.Unit("0777").ReportAdmissionAsync(HierarchySilo.Report("k0"), "check")).Outcome);
        Assert.Equal(Admissions.AdmissionOutcome.Created, (await restarted.Unit("0777").ReportAdmissionAsync(HierarchySilo.Report("k1"), "check")).Outcome);
        Assert.Equal(2, (await restarted.WaitForAdmittedAsync("01", 2)).Admitted);
        Assert.Equal(2, (await restarted.ViewAsync("1")).Admitted);
        var verification = await restarted.Verifier.VerifyAsync(repair: false);
        Assert.True(verification.IsConsistent, string.Join("; ", verification.Differences));
        Assert.Equal(7, verification.LedgerAdmissions);
    }
}
