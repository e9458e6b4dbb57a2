using static Microsoft.Playwright.Assertions;

namespace Hierarchy.Dashboard.Tests;

/// <summary>A status is a whole phrase a committee member reads aloud, not a clipped word.</summary>
[Collection(DashboardCollection.Name)]
public sealed class StatusWordTests(DashboardFixture fixture)
{
    private static readonly string[] Words = ["Chậm tiến độ", "Có nguy cơ không đạt", "Đạt tiến độ", "Chưa giao"];

    [Fact]
    public async Task Child_statuses_are_written_in_full()
    {
        var page = await fixture.NewPageAsync(fixture.CommitteeToken);
        await page.GotoAsync($"#/unit/{fixture.FirstPath[1]}");
        var badges = page.GetByTestId("children").Locator(".status");
        await Expect(badges).Not.ToHaveCountAsync(0);
        Assert.All(await badges.AllTextContentsAsync(), text => Assert.Contains(text, Words));
    }
}
