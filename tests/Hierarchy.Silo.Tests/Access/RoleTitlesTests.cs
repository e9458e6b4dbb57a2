using Hierarchy.Grains.Units;
using Hierarchy.Silo.Access;

namespace Hierarchy.Silo.Tests.Access;

public sealed class RoleTitlesTests
{
    [Theory]
    [InlineData(SiloRole.Committee, UnitLevel.Province, "Thành phố Đà Nẵng", "Ban Thường vụ Thành ủy")]
    [InlineData(SiloRole.Committee, UnitLevel.Province, "Tỉnh Quảng Nam", "Ban Thường vụ Tỉnh ủy")]
    [InlineData(SiloRole.Board, UnitLevel.Province, "Thành phố Đà Nẵng", "Ban Tổ chức Thành ủy")]
    [InlineData(SiloRole.Board, UnitLevel.Province, "Tỉnh Quảng Nam", "Ban Tổ chức Tỉnh ủy")]
    [InlineData(SiloRole.Board, UnitLevel.District, "Quận Liên Chiểu", "Ban Tổ chức Quận ủy")]
    [InlineData(SiloRole.Board, UnitLevel.District, "Huyện Hòa Vang", "Ban Tổ chức Huyện ủy")]
    [InlineData(SiloRole.Board, UnitLevel.District, "Thị xã Điện Bàn", "Ban Tổ chức Thị ủy")]
    [InlineData(SiloRole.Board, UnitLevel.District, "Thành phố Tam Kỳ", "Ban Tổ chức Thành ủy")]
    [InlineData(SiloRole.Board, UnitLevel.Ward, "Phường Hòa Khánh Bắc", "Đảng ủy phường Hòa Khánh Bắc")]
    [InlineData(SiloRole.Board, UnitLevel.Ward, "Xã Hòa Liên", "Đảng ủy xã Hòa Liên")]
    [InlineData(SiloRole.Branch, UnitLevel.Branch, "Chi bộ Tổ dân phố 26", "Bí thư chi bộ")]
    public void A_role_is_titled_after_its_units_party_committee(SiloRole role, UnitLevel level, string unitName, string title) =>
        Assert.Equal(title, RoleTitles.Of(role, level, unitName));
}
