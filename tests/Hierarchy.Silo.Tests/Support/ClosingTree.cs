using Hierarchy.Grains;
using Hierarchy.Grains.Units;
using Hierarchy.Silo.Access;

namespace Hierarchy.Silo.Tests.Support;

/// <summary>
/// A province of its own for one closing test, so that the periods it closes lock nothing another test reports into:
/// province → district → ward → two branches, and a sibling district → ward → branch; a token for each role.
/// </summary>
public sealed class ClosingTree
{
    public required string Province { get; init; }

    public required string District { get; init; }

    public required string Ward { get; init; }

    public required string Branch1 { get; init; }

    public required string Branch2 { get; init; }

    public required string SiblingWard { get; init; }

    public required string SiblingBranch { get; init; }

    public required string Branch1Token { get; init; }

    public required string Branch1Secretary { get; init; }

    public required string Branch2Token { get; init; }

    public required string SiblingBranchToken { get; init; }

    public required string WardBoardToken { get; init; }

    public required string WardBoard { get; init; }

    public required string SiblingBoardToken { get; init; }

    public required string ProvinceBoardToken { get; init; }

    public required string CommitteeToken { get; init; }

    public static async Task<ClosingTree> CreateAsync(TestSilo silo)
    {
        var p = "k" + Guid.NewGuid().ToString("N")[..8];
        var units = new UnitDefinition[]
        {
            new(p, "Tỉnh Khóa Sổ", UnitLevel.Province, null),
            new($"{p}-1", "Huyện Đông Khóa", UnitLevel.District, p),
            new($"{p}-11", "Xã Hòa Khóa", UnitLevel.Ward, $"{p}-1"),
            new($"{p}-11-01", "Thôn Khóa 1", UnitLevel.Branch, $"{p}-11"),
            new($"{p}-11-02", "Thôn Khóa 2", UnitLevel.Branch, $"{p}-11"),
            new($"{p}-2", "Huyện Tây Khóa", UnitLevel.District, p),
            new($"{p}-21", "Xã Tây Khóa", UnitLevel.Ward, $"{p}-2"),
            new($"{p}-21-01", "Thôn Tây 1", UnitLevel.Branch, $"{p}-21"),
        };
        await silo.Get<HierarchyService>().DefineUnitsAsync(units, "test setup");
        var users = silo.Get<UserStore>();
        async Task<(UserRecord User, string Token)> Add(string unit, SiloRole role, string name) => await users.AddAsync(unit, role, name, "test setup");
        var secretary = await Add($"{p}-11-01", SiloRole.Branch, "Bí thư Thôn Khóa 1");
        var wardBoard = await Add($"{p}-11", SiloRole.Board, "Ban Tổ chức Xã Hòa Khóa");
        return new ClosingTree
        {
            Province = p,
            District = $"{p}-1",
            Ward = $"{p}-11",
            Branch1 = $"{p}-11-01",
            Branch2 = $"{p}-11-02",
            SiblingWard = $"{p}-21",
            SiblingBranch = $"{p}-21-01",
            Branch1Token = secretary.Token,
            Branch1Secretary = secretary.User.AuditName,
            Branch2Token = (await Add($"{p}-11-02", SiloRole.Branch, "Bí thư Thôn Khóa 2")).Token,
            SiblingBranchToken = (await Add($"{p}-21-01", SiloRole.Branch, "Bí thư Thôn Tây 1")).Token,
            WardBoardToken = wardBoard.Token,
            WardBoard = wardBoard.User.AuditName,
            SiblingBoardToken = (await Add($"{p}-2", SiloRole.Board, "Ban Tổ chức Huyện Tây")).Token,
            ProvinceBoardToken = (await Add(p, SiloRole.Board, "Ban Tổ chức Tỉnh Khóa Sổ")).Token,
            CommitteeToken = (await Add(p, SiloRole.Committee, "Ban Thường vụ Tỉnh Khóa Sổ")).Token,
        };
    }
}
