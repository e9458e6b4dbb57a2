using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hierarchy.Dashboard.Tests;

/// <summary>The progress chart's y-axis reads in equal steps of 1, 2 or 5 × 10ⁿ whatever the quota.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ChartAxisTests(DashboardFixture fixture)
{
    [Theory]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(38)]
    [InlineData(50)]
    [InlineData(1234)]
    public async Task Y_axis_ticks_are_evenly_spaced_in_nice_steps(int quota)
    {
        var page = await fixture.NewPageAsync(fixture.CommitteeToken);
        await page.GotoAsync($"#/unit/{DashboardFixture.ProvinceId}");
        await Expect(page.GetByTestId("unit-name")).ToContainTextAsync("Đà Nẵng");

        // The chart module the page uses, given a unit with that quota and a third of it admitted.
        var labels = await page.EvaluateAsync<string[]>(
            """
            async (quota) => {
              const { progressChart } = await import('./js/charts.js');
              const weekly = Array(52).fill(0);
              weekly[0] = Math.floor(quota / 3);
              const figure = progressChart({ quota, weekly, lastYearWeekly: [], daysElapsed: 120 });
              return [...figure.querySelectorAll('text[text-anchor=end]')].map((t) => t.textContent);
            }
            """, quota);

        var ticks = labels.Select(l => int.Parse(l.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)).ToList();
        Assert.True(ticks.Count >= 3, $"Too few ticks: {string.Join(", ", labels)}");
        Assert.Equal(0, ticks[0]);
        Assert.True(ticks[^1] >= quota, $"The axis ends below the quota {quota}: {string.Join(", ", labels)}");
        var step = ticks[1] - ticks[0];
        Assert.All(ticks.Zip(ticks.Skip(1)), pair => Assert.Equal(step, pair.Second - pair.First));
        var mantissa = step / Math.Pow(10, Math.Floor(Math.Log10(step)));
        Assert.Contains(mantissa, new[] { 1d, 2d, 5d });
    }
}
