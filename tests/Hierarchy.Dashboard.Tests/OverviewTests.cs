using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hierarchy.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public sealed class OverviewTests(DashboardFixture fixture)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    [Fact]
    public async Task Province_overview_shows_figures_and_follows_a_report_without_reload()
    {
        var page = await fixture.NewPageAsync(fixture.CommitteeToken);
        await page.GotoAsync($"#/unit/{DashboardFixture.ProvinceId}");

        await Expect(page.GetByTestId("unit-name")).ToContainTextAsync("Đà Nẵng");
        var admitted = page.GetByTestId("kpi-admitted").Locator(".kpi-value");
        var before = await fixture.AdmittedAsync(DashboardFixture.ProvinceId);
        await Expect(admitted).ToHaveTextAsync(before.ToString("N0", Vietnamese));
        await Expect(page.GetByTestId("kpi-quota").Locator(".kpi-value")).Not.ToHaveTextAsync("–");
        await Expect(page.GetByTestId("children").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        await Expect(page.GetByTestId("live")).ToHaveAttributeAsync("data-state", "on");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, "overview.png"), FullPage = true });

        // A marker on window disappears on reload, so its survival proves the figure changed in place.
        await page.EvaluateAsync("() => { window.__noReload = true; }");
        using var response = await fixture.ReportAdmissionAsync(DateOnly.FromDateTime(DateTime.Today));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        await Expect(admitted).ToHaveTextAsync((before + 1).ToString("N0", Vietnamese), new() { Timeout = 5_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__noReload === true"));
        await Expect(page.GetByTestId("feed").Locator("li").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Drill_down_from_province_to_branch_keeps_a_breadcrumb()
    {
        var page = await fixture.NewPageAsync(fixture.CommitteeToken);
        await page.GotoAsync($"#/unit/{DashboardFixture.ProvinceId}");
        await Expect(page.GetByTestId("unit-name")).ToContainTextAsync("Đà Nẵng");

        // Each level is linked and headed by its party organisation's name, the administrative name beside it where it differs.
        foreach (var id in fixture.FirstPath)
        {
            var name = await fixture.NameAsync(id);
            var partyName = await fixture.PartyNameAsync(id);
            await page.GetByTestId("children").GetByRole(AriaRole.Link, new() { Name = partyName, Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync(partyName);
            var adminName = page.GetByTestId("unit-admin-name");
            await (partyName == name ? Expect(adminName).ToHaveCountAsync(0) : Expect(adminName).ToHaveTextAsync(name));
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"#/unit/{id}"));
        }

        var crumbs = page.GetByRole(AriaRole.Navigation, new() { Name = "Đường dẫn" }).Locator("li");
        await Expect(crumbs).ToHaveCountAsync(fixture.FirstPath.Count + 1);
        await crumbs.First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByTestId("unit-name")).ToContainTextAsync("Đà Nẵng");
    }

    [Fact]
    public async Task Search_without_diacritics_finds_the_district()
    {
        var page = await fixture.NewPageAsync(fixture.CommitteeToken);
        await page.GotoAsync($"#/unit/{DashboardFixture.ProvinceId}");
        await Expect(page.GetByTestId("unit-name")).ToContainTextAsync("Đà Nẵng");

        await page.GetByRole(AriaRole.Searchbox).FillAsync("lien chieu");
        var hit = page.GetByTestId("search-hit").Filter(new() { HasText = "Liên Chiểu" }).First;
        await Expect(hit).ToBeVisibleAsync();
        await hit.ClickAsync();
        await Expect(page.GetByTestId("unit-name")).ToContainTextAsync("Liên Chiểu");
    }

    [Fact]
    public async Task Exports_download_a_csv_that_parses_and_an_xlsx_package()
    {
        var page = await fixture.NewPageAsync(fixture.CommitteeToken);
        await page.GotoAsync($"#/unit/{DashboardFixture.ProvinceId}");
        await Expect(page.GetByTestId("children").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        var children = await page.GetByTestId("children").Locator("tbody tr").CountAsync();

        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        Assert.EndsWith(".csv", csv.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await csv.PathAsync())!);
        Assert.True(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "The CSV must start with a UTF-8 BOM.");
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(children + 2, lines.Length);
        Assert.All(lines, line => Assert.Equal(10, CsvFields(line).Count));
        Assert.Contains("Đà Nẵng", lines[1]);

        // The candidate sources stand beside the admissions, the province's own as its page counts them.
        Assert.Equal(["Nguồn đang xem xét", "Đã có nghị quyết", "Quá hạn"], CsvFields(lines[0]).Skip(7));
        using (var http = fixture.Api(fixture.CommitteeToken))
        {
            var unit = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"api/units/{DashboardFixture.ProvinceId}")).RootElement;
            string[] openStages = ["introduced", "course", "verified", "resolution", "decision", "admitted", "probationary"];
            var open = openStages.Sum(s => unit.GetProperty("candidates").GetProperty(s).GetInt32());
            Assert.True(open > 0, "the demo gives some branches candidates");
            Assert.Equal(
                [open.ToString(CultureInfo.InvariantCulture), unit.GetProperty("pipeline").GetProperty("pastResolution").GetInt32().ToString(CultureInfo.InvariantCulture), unit.GetProperty("overdue").GetInt32().ToString(CultureInfo.InvariantCulture)],
                CsvFields(lines[1]).Skip(7));
        }

        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename);
        using var zip = ZipFile.OpenRead((await xlsx.PathAsync())!);
        var parts = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Superset(new HashSet<string> { "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml" }, parts);
        await using var sheet = zip.GetEntry("xl/worksheets/sheet1.xml")!.Open();
        var document = await XDocument.LoadAsync(sheet, LoadOptions.None, CancellationToken.None);
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        // The export date and a blank row come before the table.
        Assert.Equal(children + 4, document.Descendants(main + "row").Count());
        Assert.Contains(document.Descendants(main + "t"), t => t.Value.Contains("Đà Nẵng", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Overview_is_readable_on_a_phone()
    {
        var page = await fixture.NewPageAsync(fixture.CommitteeToken, width: 375, height: 800);
        await page.GotoAsync($"#/unit/{DashboardFixture.ProvinceId}");
        await Expect(page.GetByTestId("unit-name")).ToContainTextAsync("Đà Nẵng");
        await Expect(page.GetByTestId("children").Locator("tbody tr")).Not.ToHaveCountAsync(0);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The page scrolls sideways at 375 px.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Screenshots, "overview-phone.png"), FullPage = true });
    }

    /// <summary>RFC 4180 fields of one line (no line breaks inside fields in these exports).</summary>
    private static List<string> CsvFields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.False(quoted, $"Unterminated quote in: {line}");
        fields.Add(field.ToString());
        return fields;
    }
}
