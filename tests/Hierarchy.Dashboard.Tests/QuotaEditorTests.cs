using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace Hierarchy.Dashboard.Tests;

/// <summary>The quota editor shows what a quota is weighed against, and warns when the level below stops adding up.</summary>
[Collection(DashboardCollection.Name)]
public sealed class QuotaEditorTests(DashboardFixture fixture)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [Fact]
    public async Task Each_input_has_members_admitted_and_last_years_figure_beside_it()
    {
        var district = fixture.FirstPath[0];
        using var http = fixture.Api(fixture.CommitteeToken);
        var child = await http.GetFromJsonAsync<JsonElement>($"api/units/{district}");

        var page = await fixture.NewPageAsync(fixture.BoardToken);
        await page.GotoAsync($"#/unit/{DashboardFixture.ProvinceId}");
        var row = page.GetByTestId("quota-editor").Locator($"tr[data-unit='{district}']");
        await Expect(row.GetByTestId("quota-members")).ToHaveTextAsync(N(child.GetProperty("membersAtStart").GetInt32()));
        await Expect(row.GetByTestId("quota-admitted")).ToHaveTextAsync(N(child.GetProperty("admitted").GetInt32()));
        var lastYear = child.GetProperty("lastYear");
        await Expect(row.GetByTestId("quota-last-year")).ToHaveTextAsync($"{N(lastYear.GetProperty("admittedFullYear").GetInt32())} / {N(lastYear.GetProperty("quota").GetInt32())}");
    }

    [Fact]
    public async Task Typing_a_quota_that_breaks_the_sum_warns_and_putting_it_back_clears_the_warning()
    {
        var district = fixture.FirstPath[0];
        var page = await fixture.NewPageAsync(fixture.BoardToken);
        await page.GotoAsync($"#/unit/{DashboardFixture.ProvinceId}");
        var editor = page.GetByTestId("quota-editor");
        var input = editor.Locator($"#q-{district}");
        await Expect(input).ToBeVisibleAsync();
        var value = await input.InputValueAsync();
        var warning = editor.GetByTestId("quota-warning");

        // Other tests move quotas too: the expected gap comes from the live figures, not from an assumed balance.
        using var http = fixture.Api(fixture.CommitteeToken);
        var province = await http.GetFromJsonAsync<JsonElement>($"api/units/{DashboardFixture.ProvinceId}");
        var gap = province.GetProperty("childrenQuota").GetInt32() - province.GetProperty("quota").GetInt32();

        await input.FillAsync((int.Parse(value, CultureInfo.InvariantCulture) + 5).ToString(CultureInfo.InvariantCulture));
        var after = gap + 5;
        if (after == 0)
        {
            await Expect(warning).ToBeHiddenAsync();
        }
        else
        {
            await Expect(warning).ToBeVisibleAsync();
            await Expect(warning).ToContainTextAsync("không khớp chỉ tiêu của đơn vị");
            await Expect(warning).ToContainTextAsync(after > 0 ? $"Giao vượt {N(after)}" : $"Còn thiếu {N(-after)}");
        }

        await input.FillAsync(value);
        if (gap == 0)
        {
            await Expect(warning).ToBeHiddenAsync();
        }
        else
        {
            await Expect(warning).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task A_quota_above_the_members_is_set_only_after_the_board_confirms_it()
    {
        var district = fixture.FirstPath[0];
        var before = await fixture.QuotaAsync(district);
        using var http = fixture.Api(fixture.CommitteeToken);
        var members = (await http.GetFromJsonAsync<JsonElement>($"api/units/{district}")).GetProperty("membersAtStart").GetInt32();
        var tooMany = members + 10;
        try
        {
            var page = await fixture.NewPageAsync(fixture.BoardToken);
            await page.GotoAsync($"#/unit/{DashboardFixture.ProvinceId}");
            var editor = page.GetByTestId("quota-editor");
            await editor.Locator($"#q-{district}").FillAsync(tooMany.ToString(CultureInfo.InvariantCulture));
            await editor.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Lưu chỉ tiêu" }).ClickAsync();

            // Refused, in Vietnamese, with both numbers; nothing changed until the board says so.
            var confirm = editor.GetByTestId("quota-confirm");
            await Expect(confirm).ToBeVisibleAsync();
            await Expect(editor.Locator(".form-status")).ToContainTextAsync(N(tooMany));
            await Expect(editor.Locator(".form-status")).ToContainTextAsync(N(members));
            await Expect(editor.Locator(".form-status")).ToContainTextAsync("đảng viên");
            Assert.Equal(before, await fixture.QuotaAsync(district));

            await confirm.ClickAsync();
            await Expect(editor.Locator(".form-status")).ToContainTextAsync("Đã lưu chỉ tiêu.");
            Assert.Equal(tooMany, await fixture.QuotaAsync(district));
        }
        finally
        {
            await fixture.SetQuotaAsync(district, before);
        }
    }

    [Fact]
    public async Task The_units_quota_figure_flags_children_that_no_longer_add_up()
    {
        var ward = fixture.FirstPath[1];
        var before = await fixture.QuotaAsync(ward);
        using var http = fixture.Api(fixture.CommitteeToken);
        var district = await http.GetFromJsonAsync<JsonElement>($"api/units/{fixture.FirstPath[0]}");
        var gap = district.GetProperty("childrenQuota").GetInt32() - district.GetProperty("quota").GetInt32();
        // Enough more for the ward that the district's children now add up to more than its own quota.
        await fixture.SetQuotaAsync(ward, before + Math.Max(1, 1 - gap));

        var page = await fixture.NewPageAsync(fixture.CommitteeToken);
        await page.GotoAsync($"#/unit/{fixture.FirstPath[0]}");
        await Expect(page.GetByTestId("kpi-quota-mismatch")).ToContainTextAsync("Giao vượt");
    }

    private static string N(int value) => value.ToString("N0", Vietnamese);
}
