using Hierarchy.Grains;
using Hierarchy.Grains.Catalogue;
using Hierarchy.Grains.Units;
using Hierarchy.Silo.Access;

namespace Hierarchy.Silo.Demo;

/// <summary>
/// Demo sign-ins: a standing committee and a board for the demo's first province and a secretary for one of its
/// branches. Made fresh at every start (the previous demo tokens are revoked) so that a demo never piles up tokens
/// and the console always shows tokens that work.
/// </summary>
public sealed class DemoAccounts(UserStore users, HierarchyService hierarchy)
{
    public const string CreatedBy = "demo";

    public async Task<IReadOnlyList<DemoAccount>> RenewAsync(string? scope, string preferredProvince)
    {
        foreach (var old in (await users.ListAsync()).Where(u => u.Demo && u.IsActive))
        {
            await users.RevokeAsync(old.Id, CreatedBy);
        }

        var provinces = DemoScopes.Provinces(scope)
            ?? (await hierarchy.Grains.GetGrain<ICatalogueGrain>(ICatalogueGrain.Key).GetRootsAsync()).Select(r => r.Id).ToList();
        if (provinces.Count == 0)
        {
            return [];
        }

        var provinceId = provinces.Contains(preferredProvince) ? preferredProvince : provinces[0];
        var province = await hierarchy.Unit(provinceId).GetInfoAsync();
        if (!province.Exists)
        {
            return [];
        }

        var accounts = new List<DemoAccount>();
        foreach (var role in new[] { SiloRole.Committee, SiloRole.Board })
        {
            var (_, token) = await users.AddAsync(province.Id, role, NameOf(role, province), CreatedBy, demo: true);
            accounts.Add(new DemoAccount(role, province.Id, province.Name, token));
        }

        if (await FirstBranchAsync(province.Id) is { } branch)
        {
            var (_, token) = await users.AddAsync(branch.Id, SiloRole.Branch, NameOf(SiloRole.Branch, branch), CreatedBy, demo: true);
            accounts.Add(new DemoAccount(SiloRole.Branch, branch.Id, branch.Name, token));
        }

        return accounts;
    }

    /// <summary>A person and their office, as a demo audience expects to see them: "Nguyễn Văn An — Ủy viên Ban Thường vụ Thành ủy".</summary>
    public static string NameOf(SiloRole role, UnitInfo unit) => role switch
    {
        SiloRole.Committee => $"Nguyễn Văn An — Ủy viên {RoleTitles.Of(role, unit.Level, unit.Name)}",
        SiloRole.Board => $"Trần Thị Bình — Trưởng {RoleTitles.Of(role, unit.Level, unit.Name)}",
        _ => $"Lê Văn Cường — Bí thư {PartyNames.Organisation(unit.Level, unit.Name)}",
    };

    private async Task<UnitInfo?> FirstBranchAsync(string unitId)
    {
        var id = unitId;
        for (var depth = 0; depth < HierarchyService.MaxDepth; depth++)
        {
            var children = await hierarchy.Unit(id).GetChildIdsAsync();
            if (children.Count == 0)
            {
                return null;
            }

            var child = await hierarchy.Unit(children.Order(StringComparer.Ordinal).First()).GetInfoAsync();
            if (child.Level == UnitLevel.Branch)
            {
                return child;
            }

            id = child.Id;
        }

        return null;
    }
}
