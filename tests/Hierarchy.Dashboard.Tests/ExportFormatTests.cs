using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using static Microsoft.Playwright.Assertions;

namespace Hierarchy.Dashboard.Tests;

/// <summary>Exports that open right in a Vietnamese office: named columns, widths, percentages, the date, semicolons.</summary>
[Collection(DashboardCollection.Name)]
public sealed class ExportFormatTests(DashboardFixture fixture)
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Fact]
    public async Task The_xlsx_has_widths_percentages_a_vietnamese_sheet_name_and_the_export_date()
    {
        var page = await fixture.NewPageAsync(fixture.CommitteeToken);
        await page.GotoAsync($"#/unit/{DashboardFixture.ProvinceId}");
        await Expect(page.GetByTestId("children").Locator("tbody tr")).Not.ToHaveCountAsync(0);

        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-xlsx").ClickAsync());
        using var zip = ZipFile.OpenRead((await xlsx.PathAsync())!);
        var workbook = await Load(zip, "xl/workbook.xml");
        Assert.Equal("Tiến độ kết nạp", workbook.Descendants(Main + "sheet").Single().Attribute("name")!.Value);

        var sheet = await Load(zip, "xl/worksheets/sheet1.xml");
        Assert.Contains(sheet.Descendants(Main + "col"), c => c.Attribute("customWidth")?.Value == "1");
        Assert.StartsWith("Ngày xuất: ", sheet.Descendants(Main + "row").First().Value, StringComparison.Ordinal);

        // The % column holds ratios in a percentage style, not numbers like 96.5.
        var styles = await Load(zip, "xl/styles.xml");
        var percentFormat = styles.Descendants(Main + "numFmt").Single(f => f.Attribute("formatCode")!.Value.EndsWith('%')).Attribute("numFmtId")!.Value;
        var xfs = styles.Descendants(Main + "cellXfs").Single().Elements(Main + "xf").ToList();
        var percentStyle = xfs.FindIndex(x => x.Attribute("numFmtId")!.Value == percentFormat).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var percents = sheet.Descendants(Main + "c").Where(c => c.Attribute("s")?.Value == percentStyle).ToList();
        Assert.NotEmpty(percents);
        Assert.All(percents, c => Assert.InRange(double.Parse(c.Value, System.Globalization.CultureInfo.InvariantCulture), 0, 5));
    }

    [Fact]
    public async Task The_csvs_name_column_two_for_the_childrens_level_and_one_uses_semicolons()
    {
        var page = await fixture.NewPageAsync(fixture.CommitteeToken);
        await page.GotoAsync($"#/unit/{DashboardFixture.ProvinceId}");
        await Expect(page.GetByTestId("children").Locator("tbody tr")).Not.ToHaveCountAsync(0);

        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        var lines = (await File.ReadAllTextAsync((await csv.PathAsync())!, Encoding.UTF8)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Quận/Huyện", lines[0].Split(',')[1]);

        var semicolon = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv-semicolon").ClickAsync());
        var semicolonLines = (await File.ReadAllTextAsync((await semicolon.PathAsync())!, Encoding.UTF8)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines.Length, semicolonLines.Length);
        Assert.All(semicolonLines, l => Assert.Equal(10, l.Split(';').Length));
        Assert.DoesNotContain(semicolonLines.Skip(1), l => System.Text.RegularExpressions.Regex.IsMatch(l, @"\d\.\d"));
    }

    private static async Task<XDocument> Load(ZipArchive zip, string part)
    {
        await using var stream = zip.GetEntry(part)!.Open();
        return await XDocument.LoadAsync(stream, LoadOptions.None, CancellationToken.None);
    }
}
