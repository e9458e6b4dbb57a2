using static Microsoft.Playwright.Assertions;

namespace Hierarchy.Dashboard.Tests;

/// <summary>
/// Pages name a unit by its party organisation where the silo sends one ("Chi bộ Tổ dân phố 26"), keeping the
/// administrative name beside it, and by the administrative name alone where it does not.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class UnitNamingTests(DashboardFixture fixture)
{
    [Fact]
    public async Task The_party_name_leads_when_present_and_the_name_stands_alone_otherwise()
    {
        var page = await fixture.NewPageAsync(fixture.CommitteeToken);
        await page.GotoAsync($"#/unit/{fixture.FirstPath[0]}");
        var name = await fixture.NameAsync(fixture.FirstPath[0]);
        var partyName = await fixture.PartyNameAsync(fixture.FirstPath[0]);
        Assert.NotEqual(name, partyName);
        await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync(partyName);
        await Expect(page.GetByTestId("unit-admin-name")).ToHaveTextAsync(name);

        var names = await page.EvaluateAsync<string[]>(
            """
            async () => {
              const { primaryName, secondaryName, byUnitName } = await import('./js/names.js');
              const party = { name: 'Quận Liên Chiểu', partyName: 'Đảng bộ quận Liên Chiểu' };
              const plain = { name: 'Phường Hòa Minh' };
              const sorted = [{ name: 'Tổ dân phố 10' }, { name: 'x', partyName: 'Tổ dân phố 9' }].sort(byUnitName).map(primaryName);
              return [primaryName(party), secondaryName(party), primaryName(plain), secondaryName(plain), ...sorted];
            }
            """);
        Assert.Equal(["Đảng bộ quận Liên Chiểu", "Quận Liên Chiểu", "Phường Hòa Minh", "", "Tổ dân phố 9", "Tổ dân phố 10"], names);
    }
}
