using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hierarchy.Silo.Tests.Support;
using Hierarchy.TestSupport;

namespace Hierarchy.Silo.Tests.Api;

public abstract partial class ApiContractTests
{
    [ConformanceFact]
    public async Task Report_is_201_with_location_then_200_on_repeat_then_409_on_different_content_and_rolls_up()
    {
        await SettledProvinceAdmittedAsync();
        var before = new Dictionary<string, int>();
        foreach (var unit in new[] { TestHierarchy.Branch1, TestHierarchy.Ward, TestHierarchy.District, TestHierarchy.Province })
        {
            before[unit] = await AdmittedAsync(unit);
        }

        using var client = As(H.Branch1Token);
        var body = Admissions.Valid();
        var created = await client.PostJsonAsync($"api/units/{TestHierarchy.Branch1}/admissions", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var record = await created.JsonAsync();
        Assert.Equal(TestHierarchy.Branch1, record.Str("branchId"));
        Assert.Equal("female", record.Str("gender"));
        Assert.Equal("university", record.Str("education"));
        Assert.Equal("Nguyễn Thị Bí Mật", record.Str("name"));
        Assert.EndsWith($"/api/units/{TestHierarchy.Branch1}/admissions/{record.Str("id")}", created.Headers.Location?.ToString());

        var located = await client.GetAsync(created.Headers.Location!.ToString().TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, located.StatusCode);

        var repeat = await client.PostJsonAsync($"api/units/{TestHierarchy.Branch1}/admissions", body);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(record.Str("id"), (await repeat.JsonAsync()).Str("id"));

        body["gender"] = "male";
        var conflict = await client.PostJsonAsync($"api/units/{TestHierarchy.Branch1}/admissions", body);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(["idempotencyKey"], await conflict.ProblemFieldsAsync());

        foreach (var (unit, count) in before)
        {
            Assert.Equal(count + 1, await AdmittedEventuallyAsync(unit, count + 1));
        }
    }

    [ConformanceFact]
    public async Task Invalid_reports_are_400_naming_the_field_and_count_nothing()
    {
        var before = await AdmittedAsync(TestHierarchy.Branch1);
        using var client = As(H.Branch1Token);
        var url = $"api/units/{TestHierarchy.Branch1}/admissions";
        var cases = new (Dictionary<string, object?> Body, string Field)[]
        {
            (Admissions.With("admittedOn", DateTime.Today.AddDays(2).ToString("yyyy-MM-dd")), "admittedOn"),
            (Admissions.With("admittedOn", "22/02/2024"), "admittedOn"),
            (Admissions.With("birthDate", DateTime.Today.AddYears(-17).ToString("yyyy-MM-dd")), "birthDate"),
            (Admissions.With("birthDate", DateTime.Today.AddYears(-62).ToString("yyyy-MM-dd")), "birthDate"),
            (Admissions.With("gender", "other"), "gender"),
            (Admissions.With("education", "kindergarten"), "education"),
            (Admissions.With("occupation", "3"), "occupation"),
            (Admissions.With("idempotencyKey", ""), "idempotencyKey"),
            (Admissions.With("youthUnion", "yes"), "youthUnion"),
            (TwoYearsAgo(), "admittedOn"),
        };
        foreach (var (body, field) in cases)
        {
            var response = await client.PostJsonAsync(url, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(field, await response.ProblemFieldsAsync());
        }

        var malformed = await client.PostRawAsync(url, "{\"idempotencyKey\": \"x\", ");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(["body"], await malformed.ProblemFieldsAsync());

        var notAnObject = await client.PostRawAsync(url, "[1,2]");
        Assert.Equal(HttpStatusCode.BadRequest, notAnObject.StatusCode);

        var huge = await client.PostRawAsync(url, "{\"name\":\"" + new string('a', 100_000) + "\"}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);

        Assert.Equal(before, await AdmittedAsync(TestHierarchy.Branch1));
    }

    /// <summary>An admission dated in the year before last, by someone of an age that would otherwise be accepted.</summary>
    private static Dictionary<string, object?> TwoYearsAgo()
    {
        var on = new DateTime(DateTime.Today.Year - 2, 6, 1);
        var body = Admissions.With("admittedOn", on.ToString("yyyy-MM-dd"));
        body["birthDate"] = on.AddYears(-30).ToString("yyyy-MM-dd");
        return body;
    }

    [ConformanceFact]
    public async Task A_misspelt_field_is_400_naming_it_and_counts_nothing()
    {
        var before = await AdmittedAsync(TestHierarchy.Branch1);
        using var client = As(H.Branch1Token);
        var body = Admissions.Valid();
        body["ethnicMinorty"] = true;
        var response = await client.PostJsonAsync($"api/units/{TestHierarchy.Branch1}/admissions", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["ethnicMinorty"], await response.ProblemFieldsAsync());

        Assert.Equal(before, await AdmittedAsync(TestHierarchy.Branch1));
    }

    [ConformanceFact]
    public async Task An_idempotency_key_in_decomposed_unicode_is_the_same_key_as_composed()
    {
        using var client = As(H.Branch1Token);
        var url = $"api/units/{TestHierarchy.Branch1}/admissions";
        var composed = Admissions.With("idempotencyKey", ("Hòa-Khánh-" + Guid.NewGuid().ToString("N")).Normalize(NormalizationForm.FormC));
        var created = await client.PostJsonAsync(url, composed);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var decomposed = new Dictionary<string, object?>(composed) { ["idempotencyKey"] = ((string)composed["idempotencyKey"]!).Normalize(NormalizationForm.FormD) };
        Assert.False(string.Equals((string)composed["idempotencyKey"]!, (string)decomposed["idempotencyKey"]!, StringComparison.Ordinal));
        var repeat = await client.PostJsonAsync(url, decomposed);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal((await created.JsonAsync()).Str("id"), (await repeat.JsonAsync()).Str("id"));
    }

    [ConformanceFact]
    public async Task Report_at_a_ward_is_400_elsewhere_403_unknown_404_without_token_401()
    {
        using var branch1 = As(H.Branch1Token);
        var ward = await branch1.PostJsonAsync($"api/units/{TestHierarchy.Ward}/admissions", Admissions.Valid());
        Assert.Equal(HttpStatusCode.BadRequest, ward.StatusCode);
        Assert.Equal(["branchId"], await ward.ProblemFieldsAsync());

        var other = await branch1.PostJsonAsync($"api/units/{TestHierarchy.Branch2}/admissions", Admissions.Valid());
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);

        using var board = As(H.ProvinceBoardToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await board.PostJsonAsync($"api/units/{TestHierarchy.Branch1}/admissions", Admissions.Valid())).StatusCode);

        var unknown = await branch1.PostJsonAsync("api/units/99901-77/admissions", Admissions.Valid());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var anonymous = Anonymous;
        var noToken = await anonymous.PostJsonAsync($"api/units/{TestHierarchy.Branch1}/admissions", Admissions.Valid());
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal("Bearer", noToken.Headers.WwwAuthenticate.Single().Scheme);
    }

    [ConformanceFact]
    public async Task Correction_retracts_with_a_reason_and_totals_drop()
    {
        using var client = As(H.DirectBranchToken);
        var url = $"api/units/{TestHierarchy.DirectBranch}/admissions";
        var created = await (await client.PostJsonAsync(url, Admissions.Valid())).JsonAsync();
        var province = await SettledProvinceAdmittedAsync();

        var noReason = await client.DeleteAsync($"{url}/{created.Str("id")}");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(["reason"], await noReason.ProblemFieldsAsync());

        using var other = As(H.Branch1Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.DeleteAsync($"{url}/{created.Str("id")}?reason=x")).StatusCode);

        var request = new HttpRequestMessage(HttpMethod.Delete, $"{url}/{created.Str("id")}")
        {
            Content = new StringContent("{\"reason\":\"entered twice\"}", Encoding.UTF8, "application/json"),
        };
        var retracted = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, retracted.StatusCode);
        var record = await retracted.JsonAsync();
        Assert.Equal("entered twice", record.Str("retractionReason"));
        Assert.NotNull(record["retractedAt"]);
        Assert.Equal(province - 1, await AdmittedEventuallyAsync(TestHierarchy.Province, province - 1));

        var unknown = await client.DeleteAsync($"{url}/no-such-admission?reason=x");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [ConformanceFact]
    public async Task Names_go_back_to_the_branchs_own_secretary_and_to_no_board_above()
    {
        using var secretary = As(H.Branch1Token);
        var created = await (await secretary.PostJsonAsync($"api/units/{TestHierarchy.Branch1}/admissions", Admissions.Valid())).JsonAsync();
        var url = $"api/units/{TestHierarchy.Branch1}/admissions?year={DateTime.Today.Year}";
        var own = (await (await secretary.GetAsync(url)).JsonAsync()).AsArray();
        Assert.Equal("Nguyễn Thị Bí Mật", own.Single(a => a!.Str("id") == created.Str("id"))!.Str("name"));

        foreach (var token in new[] { H.WardBoardToken, H.DistrictBoardToken, H.ProvinceBoardToken, H.CommitteeToken })
        {
            using var above = As(token);
            var list = await above.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            var text = await list.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Bí Mật", text, StringComparison.Ordinal);
            Assert.All((await list.JsonAsync()).AsArray(), a => Assert.False(a!.AsObject().ContainsKey("name")));
            var one = await above.GetAsync($"api/units/{TestHierarchy.Branch1}/admissions/{created.Str("id")}");
            Assert.Equal(HttpStatusCode.OK, one.StatusCode);
            Assert.False((await one.JsonAsync()).AsObject().ContainsKey("name"));
        }
    }

    [ConformanceFact]
    public async Task Csv_upload_records_all_rows_or_none()
    {
        using var client = As(H.Branch2Token);
        var url = $"api/units/{TestHierarchy.Branch2}/admissions/upload";
        var day = DateTime.Today.AddDays(-3).ToString("yyyy-MM-dd");
        var birth = DateTime.Today.AddYears(-30).ToString("yyyy-MM-dd");
        var prefix = Guid.NewGuid().ToString("N");
        var header = "idempotencyKey,admittedOn,gender,birthDate,youthUnion,ethnicMinority,religious,privateBusinessOwner,education,occupation,name\n";
        var before = await AdmittedAsync(TestHierarchy.Branch2);

        var bad = header + $"{prefix}-1,{day},female,{birth},true,false,false,false,university,farmer,\"Trần, Thị A\"\n" +
                  $"{prefix}-2,{day},female,{DateTime.Today.AddYears(-10):yyyy-MM-dd},true,false,false,false,university,farmer,\n";
        var rejected = await client.PostRawAsync(url, bad, "text/csv");
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("birthDate", await rejected.ProblemFieldsAsync());
        Assert.Equal(["Dòng 3: Người được kết nạp phải từ 18 đến 60 tuổi vào ngày kết nạp; người này 9 tuổi."], await rejected.ProblemMessagesAsync("birthDate"));
        Assert.Equal(before, await AdmittedAsync(TestHierarchy.Branch2));

        var good = "\uFEFF" + header + $"{prefix}-1,{day},female,{birth},true,false,false,false,university,farmer,\"Trần, Thị A\"\n" +
                   $"{prefix}-3,{day},male,{birth},0,1,0,0,vocational,enterpriseWorker,\n";
        var accepted = await client.PostRawAsync(url, good, "text/csv");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var result = await accepted.JsonAsync();
        Assert.Equal(2, result.Int("created"));
        Assert.Equal(before + 2, await AdmittedEventuallyAsync(TestHierarchy.Branch2, before + 2));

        using var other = As(H.Branch1Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostRawAsync(url, good, "text/csv")).StatusCode);
    }

    [ConformanceFact]
    public async Task Csv_upload_takes_the_vietnamese_a_secretary_types_as_well_as_the_codes()
    {
        using var client = As(H.Branch2Token);
        var day = DateTime.Today.AddDays(-4);
        var birth = DateTime.Today.AddYears(-31);
        var prefix = Guid.NewGuid().ToString("N");
        var csv = "idempotencyKey,admittedOn,gender,birthDate,youthUnion,ethnicMinority,religious,privateBusinessOwner,education,occupation,name\n" +
                  $"{prefix}-vi,{Typed(day, "dd/MM/yyyy")},Nữ,{Typed(birth, "d/M/yyyy")},Có,Không,không,KHÔNG,Đại học,Nông dân,\n" +
                  // Decomposed Vietnamese, as spreadsheets on macOS save it.
                  $"{prefix}-nfd,{Typed(day, "dd/MM/yyyy")},{Nfd("Nam")},{Typed(birth, "dd/MM/yyyy")},{Nfd("Có")},Không,Không,Không,\"{Nfd("Trung cấp, cao đẳng")}\",\"{Nfd("Học sinh, sinh viên")}\",\n" +
                  $"{prefix}-code,{day:yyyy-MM-dd},male,{birth:yyyy-MM-dd},false,true,false,false,postgraduate,other,\n";
        var response = await client.PostRawAsync($"api/units/{TestHierarchy.Branch2}/admissions/upload", csv, "text/csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.JsonAsync()).Int("created"));

        var list = (await (await client.GetAsync($"api/units/{TestHierarchy.Branch2}/admissions")).JsonAsync()).AsArray();
        JsonNode Row(string key) => list.Single(a => a!.Str("idempotencyKey") == key)!;
        var vietnamese = Row($"{prefix}-vi");
        Assert.Equal(DateOnly.FromDateTime(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), vietnamese.Str("admittedOn"));
        Assert.Equal(("female", "university", "farmer"), (vietnamese.Str("gender"), vietnamese.Str("education"), vietnamese.Str("occupation")));
        Assert.True(vietnamese["youthUnion"]!.GetValue<bool>());
        Assert.False(vietnamese["privateBusinessOwner"]!.GetValue<bool>());
        var decomposed = Row($"{prefix}-nfd");
        Assert.Equal(("male", "vocational", "student"), (decomposed.Str("gender"), decomposed.Str("education"), decomposed.Str("occupation")));
        Assert.True(decomposed["youthUnion"]!.GetValue<bool>());
        Assert.Equal("postgraduate", Row($"{prefix}-code").Str("education"));

        var unknown = "idempotencyKey,admittedOn,gender,birthDate,education,occupation\n" + $"{prefix}-x,{Typed(day, "dd/MM/yyyy")},Nũ,{Typed(birth, "dd/MM/yyyy")},Đại học,Nông dân\n";
        var refused = await client.PostRawAsync($"api/units/{TestHierarchy.Branch2}/admissions/upload", unknown, "text/csv");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["gender"], await refused.ProblemFieldsAsync());

        static string Nfd(string text) => text.Normalize(NormalizationForm.FormD);
        static string Typed(DateTime date, string format) => date.ToString(format, CultureInfo.InvariantCulture);
    }

    [ConformanceFact]
    public async Task Csv_upload_as_a_multipart_file_is_accepted_like_curl_F_sends_it()
    {
        using var client = As(H.Branch2Token);
        var day = DateTime.Today.AddDays(-2).ToString("yyyy-MM-dd");
        var birth = DateTime.Today.AddYears(-28).ToString("yyyy-MM-dd");
        var csv = "idempotencyKey,admittedOn,gender,birthDate,youthUnion,ethnicMinority,religious,privateBusinessOwner,education,occupation,name\n" +
                  $"{Guid.NewGuid():N},{day},female,{birth},true,false,false,false,university,farmer,Lê Thị Hoa\n";
        var before = await AdmittedAsync(TestHierarchy.Branch2);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "admissions.csv");

        var response = await client.PostAsync($"api/units/{TestHierarchy.Branch2}/admissions/upload", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.JsonAsync()).Int("created"));
        Assert.Equal(before + 1, await AdmittedEventuallyAsync(TestHierarchy.Branch2, before + 1));
    }

    [ConformanceFact]
    public async Task A_csv_in_the_windows_vietnamese_code_page_is_refused_with_how_to_save_it_as_utf8()
    {
        using var client = As(H.Branch2Token);
        var day = DateTime.Today.AddDays(-2).ToString("yyyy-MM-dd");
        var birth = DateTime.Today.AddYears(-28).ToString("yyyy-MM-dd");
        var header = Encoding.ASCII.GetBytes("idempotencyKey,admittedOn,gender,birthDate,youthUnion,ethnicMinority,religious,privateBusinessOwner,education,occupation,name\n");
        var row = Encoding.ASCII.GetBytes($"{Guid.NewGuid():N},{day},female,{birth},true,false,false,false,university,farmer,Tr");

        // "Trần Thị Lý" in code page 1258: "ầ" is 0xE2 followed by the combining grave 0xCC, which UTF-8 cannot read.
        byte[] cp1258 = [.. header, .. row, 0xE2, 0xCC, (byte)'n', (byte)' ', (byte)'T', (byte)'h', (byte)'i', 0xF2, (byte)' ', (byte)'L', (byte)'y', 0xEC, (byte)'\n'];
        var before = await AdmittedAsync(TestHierarchy.Branch2);
        using var body = new ByteArrayContent(cp1258);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");

        var response = await client.PostAsync($"api/units/{TestHierarchy.Branch2}/admissions/upload", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["body"], await response.ProblemFieldsAsync());
        Assert.Contains("CSV UTF-8", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await AdmittedAsync(TestHierarchy.Branch2));
    }
}
