using System.Net;
using System.Text.Json.Nodes;
using Hierarchy.Silo.Tests.Support;
using Hierarchy.TestSupport;

namespace Hierarchy.Silo.Tests.Api;

public abstract partial class ApiContractTests
{
    [ConformanceFact]
    public async Task Units_carry_their_party_name_beside_the_administrative_one()
    {
        var province = await UnitAsync(TestHierarchy.Province);
        Assert.Equal("Tỉnh Thử Nghiệm", province.Str("name"));
        Assert.Equal("Đảng bộ tỉnh Thử Nghiệm", province.Str("partyName"));
        var children = province["children"]!.AsArray().ToDictionary(c => c!.Str("id"), c => c!.Str("partyName"));
        Assert.Equal("Đảng bộ huyện Hòa Vang", children[TestHierarchy.District]);
        Assert.Equal("Đảng bộ phường Hải Châu Thử", children[TestHierarchy.DirectWard]);

        var ward = await UnitAsync(TestHierarchy.Ward);
        Assert.Equal("Chi bộ Thôn Quan Nam 1", ward["children"]!.AsArray().Single(c => c!.Str("id") == TestHierarchy.Branch1)!.Str("partyName"));

        using var committee = As(H.CommitteeToken);
        var path = (await (await committee.GetAsync($"api/units/{TestHierarchy.Branch1}/path")).JsonAsync()).AsArray();
        Assert.Equal(
            ["Đảng bộ tỉnh Thử Nghiệm", "Đảng bộ huyện Hòa Vang", "Đảng bộ xã Hòa Liên", "Chi bộ Thôn Quan Nam 1"],
            path.Select(p => p!.Str("partyName")));

        var mine = (await (await committee.GetAsync("api/units")).JsonAsync()).AsArray();
        Assert.Equal("Đảng bộ tỉnh Thử Nghiệm", Assert.Single(mine)!.Str("partyName"));
    }

    [ConformanceFact]
    public async Task Search_finds_a_unit_by_its_party_name_too()
    {
        using var committee = As(H.CommitteeToken);
        async Task<JsonArray> SearchAsync(string words)
        {
            var response = await committee.GetAsync($"api/units?search={Uri.EscapeDataString(words)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.JsonAsync()).AsArray();
        }

        var byPartyName = await SearchAsync("Đảng bộ huyện Hòa Vang");
        var district = Assert.Single(byPartyName)!;
        Assert.Equal(TestHierarchy.District, district.Str("id"));
        Assert.Equal("Huyện Hòa Vang", district.Str("name"));
        Assert.Equal("Đảng bộ huyện Hòa Vang", district.Str("partyName"));

        Assert.Equal([TestHierarchy.DirectWard], (await SearchAsync("dang bo phuong hai chau")).Select(u => u!.Str("id")));
        Assert.Equal([TestHierarchy.District], (await SearchAsync("hoa vang")).Select(u => u!.Str("id")));
        Assert.Equal([TestHierarchy.DirectBranch], (await SearchAsync("chi bo to dan pho 5")).Select(u => u!.Str("id")));
    }

    [ConformanceFact]
    public async Task Me_names_the_role_as_the_party_does()
    {
        async Task<string?> TitleAsync(string token)
        {
            using var client = As(token);
            return (await (await client.GetAsync("api/me")).JsonAsync())["roleTitle"]?.GetValue<string>();
        }

        Assert.Equal("Ban Thường vụ Tỉnh ủy", await TitleAsync(H.CommitteeToken));
        Assert.Equal("Ban Tổ chức Tỉnh ủy", await TitleAsync(H.ProvinceBoardToken));
        Assert.Equal("Ban Tổ chức Huyện ủy", await TitleAsync(H.DistrictBoardToken));
        Assert.Equal("Đảng ủy xã Hòa Liên", await TitleAsync(H.WardBoardToken));
        Assert.Equal("Bí thư chi bộ", await TitleAsync(H.Branch1Token));
    }
}
