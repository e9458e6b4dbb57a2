using System.Net;
using Hierarchy.Silo.Tests.Support;
using Hierarchy.TestSupport;

namespace Hierarchy.Silo.Tests.Api;

public abstract partial class ApiContractTests
{
    [ConformanceFact]
    public async Task Report_has_the_form_rows_with_last_year_beside_them()
    {
        using var branch = As(H.Branch2Token);
        await branch.PostJsonAsync($"api/units/{TestHierarchy.Branch2}/admissions", Admissions.Valid(gender: "female"));

        using var committee = As(H.CommitteeToken);
        var today = DateTime.Today;
        var url = $"api/units/{TestHierarchy.Ward}/report?from={today.Year}-01-01&to={today:yyyy-MM-dd}";
        var report = await Eventually.WaitAsync(
            async () => await (await committee.GetAsync(url)).JsonAsync(),
            r => r["rows"]!.AsArray().Single(x => x!.Str("key") == "women")!["thisPeriod"]!.GetValue<double>() >= 1);
        Assert.Equal($"{today.Year - 1}-01-01", report.Str("lastYearFrom"));
        var rows = report["rows"]!.AsArray();
        var keys = rows.Select(r => r!.Str("key")).ToList();
        foreach (var key in new[] { "admitted", "women", "ethnicMinority", "religious", "youthUnion", "privateBusinessOwner", "stateCadre", "farmer", "18-30", "56-60", "averageAge", "lowerSecondary", "postgraduate" })
        {
            Assert.Contains(key, keys);
        }

        var admitted = rows.Single(r => r!.Str("key") == "admitted")!;
        Assert.True(admitted["thisPeriod"]!.GetValue<double>() >= 1);
        Assert.True(admitted.AsObject().ContainsKey("lastYear") && admitted.AsObject().ContainsKey("percent"));

        var reversed = await committee.GetAsync($"api/units/{TestHierarchy.Ward}/report?from={today.Year}-12-31&to={today.Year}-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, reversed.StatusCode);
        Assert.Equal(["to"], await reversed.ProblemFieldsAsync());
        Assert.Equal(["from"], await (await committee.GetAsync($"api/units/{TestHierarchy.Ward}/report?from=yesterday")).ProblemFieldsAsync());

        // A period that ends after today, or that is longer than a year and so overlaps its own comparison, is refused.
        var vietnamToday = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).Date;
        var future = await committee.GetAsync($"api/units/{TestHierarchy.Ward}/report?from={today.Year}-01-01&to={vietnamToday.AddDays(1):yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal(["to"], await future.ProblemFieldsAsync());
        var tooLong = await committee.GetAsync($"api/units/{TestHierarchy.Ward}/report?from={today.AddYears(-1).AddDays(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(["to"], await tooLong.ProblemFieldsAsync());

        var csv = await committee.GetAsync(url.Replace("/report?", "/report.csv?", StringComparison.Ordinal));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
    }

    [ConformanceFact]
    public async Task Export_is_utf8_csv_with_bom_and_one_row_per_child()
    {
        using var committee = As(H.CommitteeToken);
        var response = await committee.GetAsync($"api/units/{TestHierarchy.Province}/export.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,name,level", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"{TestHierarchy.District},Huyện Hòa Vang,district", StringComparison.Ordinal));
    }

    [ConformanceFact]
    public async Task Export_with_semicolons_suits_excel_under_vietnamese_regional_settings()
    {
        using var committee = As(H.CommitteeToken);
        var comma = await (await committee.GetAsync($"api/units/{TestHierarchy.Province}/export.csv")).Content.ReadAsStringAsync();
        var response = await committee.GetAsync($"api/units/{TestHierarchy.Province}/export.csv?separator=semicolon");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id;name;level;levelName;year;quota;admitted;progressPercent;projected;status;membersAtStart;candidatesOpen;candidatesPastResolution;candidatesOverdue", lines[0]);
        Assert.All(lines, l => Assert.Equal(14, l.Split(';').Length));
        Assert.Equal(comma.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length, lines.Length);

        // A decimal is written with a comma, as Vietnamese Excel reads numbers.
        var district = lines.Single(l => l.StartsWith($"{TestHierarchy.District};", StringComparison.Ordinal)).Split(';');
        var quota = double.Parse(district[5], System.Globalization.CultureInfo.InvariantCulture);
        var admitted = double.Parse(district[6], System.Globalization.CultureInfo.InvariantCulture);
        var percent = Math.Round(admitted / quota * 100, 1);
        Assert.Equal(percent.ToString("0.####", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")), district[7]);

        var report = await committee.GetAsync($"api/units/{TestHierarchy.Province}/report.csv?separator=semicolon");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.StartsWith("group;key;", (await report.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);

        var bad = await committee.GetAsync($"api/units/{TestHierarchy.Province}/export.csv?separator=tab");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["separator"], await bad.ProblemFieldsAsync());
    }
}
