using Hierarchy.Grains;
using Hierarchy.Grains.Units;
using Hierarchy.Silo.Access;
using Hierarchy.Silo.Storage;

namespace Hierarchy.Silo.Tests.Support;

/// <summary>
/// A small hand-written hierarchy: a province with a district, a ward under the district with two branches, and a
/// ward straight under the province (the post-2025 shape) with one branch; plus a token for each kind of user.
/// </summary>
public sealed class TestHierarchy
{
    public const string Province = "99";
    public const string District = "999";
    public const string Ward = "99901";
    public const string Branch1 = "99901-01";
    public const string Branch2 = "99901-02";
    public const string DirectWard = "99902";
    public const string DirectBranch = "99902-01";

    public required string Branch1Token { get; init; }

    public required string Branch2Token { get; init; }

    public required string DirectBranchToken { get; init; }

    public required string WardBoardToken { get; init; }

    public required string DistrictBoardToken { get; init; }

    public required string ProvinceBoardToken { get; init; }

    public required string CommitteeToken { get; init; }

    public required UserRecord Branch1User { get; init; }

    public required UserRecord ProvinceBoardUser { get; init; }

    public static IReadOnlyList<UnitDefinition> Units { get; } =
    [
        new(Province, "Tỉnh Thử Nghiệm", UnitLevel.Province, null),
        new(District, "Huyện Hòa Vang", UnitLevel.District, Province),
        new(Ward, "Xã Hòa Liên", UnitLevel.Ward, District),
        new(Branch1, "Chi bộ Thôn Quan Nam 1", UnitLevel.Branch, Ward),
        new(Branch2, "Chi bộ Thôn Quan Nam 2", UnitLevel.Branch, Ward),
        new(DirectWard, "Phường Hải Châu Thử", UnitLevel.Ward, Province),
        new(DirectBranch, "Chi bộ Tổ dân phố 5", UnitLevel.Branch, DirectWard),
    ];

    public static async Task<TestHierarchy> CreateAsync(TestSilo silo)
    {
        var hierarchy = silo.Get<HierarchyService>();
        await hierarchy.DefineUnitsAsync(Units, "test setup");
        var year = DateTime.Today.Year;
        foreach (var (branch, members) in new[] { (Branch1, 40), (Branch2, 25), (DirectBranch, 30) })
        {
            await hierarchy.Unit(branch).SetMembersAtStartAsync(year, members, "test setup");
            await hierarchy.Unit(branch).SetQuotaAsync(year, 2, null, "test setup");
        }

        foreach (var unit in new[] { Ward, DirectWard, District, Province })
        {
            await hierarchy.Unit(unit).SetQuotaAsync(year, 6, null, "test setup");
        }

        var users = silo.Get<UserStore>();
        async Task<(UserRecord User, string Token)> Add(string unit, SiloRole role, string name) => await users.AddAsync(unit, role, name, "test setup");
        var branch1 = await Add(Branch1, SiloRole.Branch, "Bí thư Thôn 1");
        var provinceBoard = await Add(Province, SiloRole.Board, "Ban Tổ chức Tỉnh");
        await silo.Get<DatabaseModeStore>().MarkImportedAsync("test setup");
        return new TestHierarchy
        {
            Branch1Token = branch1.Token,
            Branch1User = branch1.User,
            Branch2Token = (await Add(Branch2, SiloRole.Branch, "Bí thư Thôn 2")).Token,
            DirectBranchToken = (await Add(DirectBranch, SiloRole.Branch, "Bí thư Tổ 5")).Token,
            WardBoardToken = (await Add(Ward, SiloRole.Board, "Ban Tổ chức Xã")).Token,
            DistrictBoardToken = (await Add(District, SiloRole.Board, "Ban Tổ chức Huyện")).Token,
            ProvinceBoardToken = provinceBoard.Token,
            ProvinceBoardUser = provinceBoard.User,
            CommitteeToken = (await Add(Province, SiloRole.Committee, "Ban Thường vụ Tỉnh")).Token,
        };
    }
}
