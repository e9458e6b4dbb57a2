using Hierarchy.Grains.Import;
using Hierarchy.Grains.Units;

namespace Hierarchy.Grains.Tests;

public sealed class PartyNamesTests
{
    [Theory]
    [InlineData(UnitLevel.Province, "Thành phố Đà Nẵng", "Đảng bộ Thành phố Đà Nẵng", "Thành ủy")]
    [InlineData(UnitLevel.Province, "Tỉnh Quảng Nam", "Đảng bộ tỉnh Quảng Nam", "Tỉnh ủy")]
    [InlineData(UnitLevel.District, "Quận Liên Chiểu", "Đảng bộ quận Liên Chiểu", "Quận ủy")]
    [InlineData(UnitLevel.District, "Huyện Hòa Vang", "Đảng bộ huyện Hòa Vang", "Huyện ủy")]
    [InlineData(UnitLevel.District, "Thị xã Điện Bàn", "Đảng bộ thị xã Điện Bàn", "Thị ủy")]
    [InlineData(UnitLevel.District, "Thị Xã Mường Lay", "Đảng bộ thị xã Mường Lay", "Thị ủy")]
    [InlineData(UnitLevel.District, "Thành phố Tam Kỳ", "Đảng bộ thành phố Tam Kỳ", "Thành ủy")]
    [InlineData(UnitLevel.Ward, "Phường Hòa Khánh Bắc", "Đảng bộ phường Hòa Khánh Bắc", "Đảng ủy phường Hòa Khánh Bắc")]
    [InlineData(UnitLevel.Ward, "Xã Hòa Liên", "Đảng bộ xã Hòa Liên", "Đảng ủy xã Hòa Liên")]
    [InlineData(UnitLevel.Ward, "Thị Trấn Mường Chà", "Đảng bộ thị trấn Mường Chà", "Đảng ủy thị trấn Mường Chà")]
    [InlineData(UnitLevel.Ward, "Phường 15", "Đảng bộ Phường 15", "Đảng ủy Phường 15")]
    [InlineData(UnitLevel.Ward, "Đặc khu Côn Đảo", "Đảng bộ Đặc khu Côn Đảo", "Đảng ủy Đặc khu Côn Đảo")]
    [InlineData(UnitLevel.Branch, "Tổ dân phố 26", "Chi bộ Tổ dân phố 26", "Chi bộ Tổ dân phố 26")]
    [InlineData(UnitLevel.Branch, "Chi bộ Thôn Quan Nam 1", "Chi bộ Thôn Quan Nam 1", "Chi bộ Thôn Quan Nam 1")]
    [InlineData(UnitLevel.Branch, "chi bộ Trường THCS", "Chi bộ Trường THCS", "Chi bộ Trường THCS")]
    public void A_unit_is_named_as_its_party_organisation_and_committee(UnitLevel level, string name, string organisation, string committee)
    {
        Assert.Equal(organisation, PartyNames.Organisation(level, name));
        Assert.Equal(committee, PartyNames.Committee(level, name));
    }

    [Fact]
    public async Task Every_unit_of_the_official_catalogue_gets_a_party_name()
    {
        await using var json = File.OpenRead(SharedData.CataloguePath);
        foreach (var unit in await CatalogueReader.ReadAsync(json))
        {
            var organisation = PartyNames.Organisation(unit.Level, unit.Name);
            Assert.StartsWith("Đảng bộ ", organisation, StringComparison.Ordinal);
            Assert.EndsWith(unit.Name.Split(' ')[^1], organisation, StringComparison.Ordinal);
            Assert.DoesNotContain("Đảng bộ Đảng bộ", organisation, StringComparison.Ordinal);
        }
    }
}
