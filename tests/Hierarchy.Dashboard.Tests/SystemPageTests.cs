using static Microsoft.Playwright.Assertions;

namespace Hierarchy.Dashboard.Tests;

/// <summary>The system page tells a committee which database runs, never where it is; the tab has the product's icon.</summary>
[Collection(DashboardCollection.Name)]
public sealed class SystemPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task The_committee_sees_the_kind_of_database_but_not_its_path()
    {
        var page = await fixture.NewPageAsync(fixture.CommitteeToken);
        await page.GotoAsync("#/system");
        await Expect(page.GetByTestId("sys-activations")).ToBeVisibleAsync();
        var facts = page.Locator("main p.muted").Nth(1);
        await Expect(facts).ToContainTextAsync("SQLite");
        await Expect(facts).Not.ToContainTextAsync(fixture.Silo.DataFolder);
        await Expect(facts).Not.ToContainTextAsync(".db");
    }

    [Fact]
    public async Task Both_pages_link_an_svg_favicon_that_the_silo_serves()
    {
        var page = await fixture.NewPageAsync(fixture.CommitteeToken);
        foreach (var path in new[] { "", "whatif.html" })
        {
            await page.GotoAsync(path);
            var href = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
            Assert.Equal("favicon.svg", href);
        }

        var icon = await page.APIRequest.GetAsync("favicon.svg");
        Assert.Equal(200, icon.Status);
        Assert.StartsWith("image/svg+xml", icon.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("<svg", await icon.TextAsync(), StringComparison.Ordinal);
    }
}
