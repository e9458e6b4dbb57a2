using System.Net;
using Hierarchy.Grains;
using Hierarchy.Grains.Units;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Tests.Support;

namespace Hierarchy.Silo.Tests.Api;

/// <summary>Children come in the order people read them: Vietnamese collation, numbers as numbers.</summary>
public sealed class UnitNameOrderTests
{
    private static readonly string[] NaturalOrder =
        ["Chi bộ Khu phố 3", "Chi bộ Tổ dân phố 1", "Chi bộ Tổ dân phố 2", "Chi bộ Tổ dân phố 9", "Chi bộ Tổ dân phố 10", "Chi bộ Tổ dân phố 11", "Chi bộ Tổ dân phố 21"];

    [Fact]
    public async Task The_unit_view_and_its_csv_export_list_children_in_natural_name_order()
    {
        await using var silo = await TestSilo.StartAsync(TestStorage.Sqlite(TestStorage.NewSqlitePath()));
        UnitDefinition[] units =
        [
            new("97", "Tỉnh Thứ Tự", UnitLevel.Province, null),
            new("97001", "Phường Thứ Tự", UnitLevel.Ward, "97"),
            .. NaturalOrder.Reverse().Select((name, i) => new UnitDefinition($"97001-{i + 1:00}", name, UnitLevel.Branch, "97001")),
        ];
        await silo.Get<HierarchyService>().DefineUnitsAsync(units, "test");
        var (_, token) = await silo.Get<UserStore>().AddAsync("97", SiloRole.Committee, "Ban Thường vụ", "test");
        using var client = silo.Client(token);

        var view = await (await client.GetAsync("api/units/97001")).JsonAsync();
        Assert.Equal(NaturalOrder, view["children"]!.AsArray().Select(c => c!.Str("name")));

        var export = await client.GetAsync("api/units/97001/export.csv");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var lines = (await export.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(NaturalOrder, lines.Skip(2).Select(l => l.Split(',')[1]));
    }
}
