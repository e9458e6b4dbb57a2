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

    [Fact]
    public async Task On_a_phone_the_whole_words_wrap_and_the_status_column_stays_on_screen()
    {
        var page = await fixture.NewPageAsync(fixture.CommitteeToken, width: 390, height: 844);
        await page.GotoAsync($"#/unit/{DashboardFixture.ProvinceId}");
        var table = page.GetByTestId("children");
        await Expect(table.Locator("tbody tr")).Not.ToHaveCountAsync(0);
        Assert.True(await table.EvaluateAsync<bool>("t => t.scrollWidth <= t.parentElement.clientWidth"), "The children's status column is off the screen at 390 px.");
    }
}
