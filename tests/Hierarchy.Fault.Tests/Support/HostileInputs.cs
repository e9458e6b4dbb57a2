using System.Text.Json;
using Hierarchy.Silo.Tests.Support;

namespace Hierarchy.Fault.Tests.Support;

/// <summary>The hostile inputs thrown at every endpoint of the API, with the 4xx each must get.</summary>
public static class HostileInputs
{
    public const string Drop = "'; DROP TABLE grain_state; --";
    public const string Script = "<script>alert(1)</script>";

    /// <summary>"Liên Chiểu" composed (NFC) and decomposed (NFD): the same text to a reader, different code points.</summary>
    public const string Nfc = "Li\u00EAn Chi\u1EC3u";
    public const string Nfd = "Lie\u0302n Chi\u0309e\u0302u";

    private static readonly int[] Bad = [400];
    private static readonly int[] TooLarge = [413];
    private static readonly int[] NotThere = [403, 404, 405];
    private static readonly int[] Unauthorized = [401];

    private static readonly string[] Strings =
    [
        Drop, Script, "\" OR 1=1 --", "Robert'); DROP TABLE admissions;--", "${jndi:ldap://x/a}", "../../etc/passwd", "%00", "\u0000",
        Nfc, Nfd, "female\u200D", "\u202Efemale", "\u200F\u05E9\u05DC\u05D5\u05DD", "fe\u0301male", "🏳️‍🌈", new string('x', 5000),
    ];

    public static IReadOnlyList<HostileRequest> All(TestHierarchy h)
    {
        var branch = $"api/units/{TestHierarchy.Branch1}";
        var admissions = branch + "/admissions";
        var list = new List<HostileRequest>();
        void Report(string name, string body, string? field = null, int[]? statuses = null) =>
            list.Add(new(name, HttpMethod.Post, admissions, h.Branch1Token, body, statuses ?? Bad, field));

        // Malformed JSON and the wrong shape of document.
        foreach (var text in new[] { "{", "{\"idempotencyKey\":", "{\"a\":1,}", "hello", "[]", "null", "\"text\"", "42", "{}", "{'gender':'female'}", new string('[', 5000) + new string(']', 5000), "\uFEFF\uFEFF{}" })
        {
            Report($"malformed {Clip(text)}", text);
        }

        list.Add(new("empty body", HttpMethod.Post, admissions, h.Branch1Token, "", Bad, "body"));
        list.Add(new("form instead of JSON", HttpMethod.Post, admissions, h.Branch1Token, "gender=female", [400, 415]) { ContentType = "application/x-www-form-urlencoded" });

        // Every field with the wrong type, and with each hostile string where an enum or a date belongs.
        foreach (var (field, value) in new (string, object?)[]
        {
            ("youthUnion", "yes"), ("youthUnion", 1), ("ethnicMinority", new[] { true }), ("gender", 5), ("gender", true), ("admittedOn", 20250101),
            ("birthDate", false), ("idempotencyKey", 123), ("idempotencyKey", new { a = 1 }), ("education", new[] { "university" }), ("name", new { first = "A" }),
            ("occupation", 1e308), ("religious", "null"),
        })
        {
            Report($"{field} as {JsonSerializer.Serialize(value)}", Json(Admissions.With(field, value)), field);
        }

        foreach (var text in Strings)
        {
            foreach (var field in new[] { "gender", "education", "occupation", "admittedOn", "birthDate" })
            {
                Report($"{field} = {Clip(text)}", Json(Admissions.With(field, text)), field);
            }
        }

        // Over-long strings (inside the body limit), dates out of range, lone surrogates.
        Report("idempotencyKey of 201 characters", Json(Admissions.With("idempotencyKey", new string('k', 201))), "idempotencyKey");
        Report("name of 201 characters", Json(Admissions.With("name", new string('n', 201))), "name");
        Report("blank idempotencyKey", Json(Admissions.With("idempotencyKey", " \t\u3000 ")), "idempotencyKey");
        Report("admittedOn in the future", Json(Admissions.With("admittedOn", DateTime.Today.AddDays(3).ToString("yyyy-MM-dd"))), "admittedOn");
        Report("admittedOn 0001-01-01", Json(Admissions.With("admittedOn", "0001-01-01")), "admittedOn");
        Report("admittedOn 9999-12-31", Json(Admissions.With("admittedOn", "9999-12-31")), "admittedOn");
        Report("birthDate of a 5 year old", Json(Admissions.With("birthDate", DateTime.Today.AddYears(-5).ToString("yyyy-MM-dd"))), "birthDate");
        Report("birthDate 2025-02-30", Json(Admissions.With("birthDate", "2025-02-30")), "birthDate");
        Report("lone high surrogate in idempotencyKey", Json(Admissions.With("idempotencyKey", "KEY")).Replace("\"KEY\"", "\"\\ud800\"", StringComparison.Ordinal), "idempotencyKey");
        Report("lone low surrogate in name", Json(Admissions.With("name", "NAME")).Replace("\"NAME\"", "\"a\\udc00b\"", StringComparison.Ordinal), "name");
        Report("invalid UTF-8 bytes as escapes", Json(Admissions.With("gender", "GENDER")).Replace("\"GENDER\"", "\"\\ud83d\\ud83d\"", StringComparison.Ordinal), "gender");

        // Bodies over the limits.
        Report("body of 70 KB", Json(Admissions.With("name", new string('n', 70_000))), "body", TooLarge);
        Report("body of 2 MB", new string(' ', 2_000_000) + "{}", "body", TooLarge);
        list.Add(new("CSV upload of 5 MB", HttpMethod.Post, admissions + "/upload", h.Branch1Token, "admittedOn,gender\n" + new string('x', 5_000_000), TooLarge) { ContentType = "text/csv" });
        list.Add(new("CSV upload with injection", HttpMethod.Post, admissions + "/upload", h.Branch1Token, $"idempotencyKey,admittedOn,gender,birthDate,education,occupation\n{Drop},{Script},{Drop},{Script},{Drop},{Script}\n", Bad) { ContentType = "text/csv" });

        // Hostile ids in every path, hostile query parameters, hostile tokens.
        foreach (var id in new[] { Drop, Script, "%2e%2e", new string('9', 4000), Nfd, "99901-01\u200D", "\u202E10-10999" })
        {
            var escaped = Uri.EscapeDataString(id);
            list.Add(new($"GET unit {Clip(id)}", HttpMethod.Get, $"api/units/{escaped}", h.CommitteeToken, null, NotThere));
            list.Add(new($"POST admission at {Clip(id)}", HttpMethod.Post, $"api/units/{escaped}/admissions", h.Branch1Token, Json(Admissions.Valid()), NotThere));
            list.Add(new($"PUT quota of {Clip(id)}", HttpMethod.Put, $"api/units/{escaped}/quota", h.ProvinceBoardToken, "{\"admissions\":1}", NotThere) { IfMatch = "\"1\"" });
            list.Add(new($"stream {Clip(id)}", HttpMethod.Get, $"api/units/{escaped}/stream", h.CommitteeToken, null, NotThere));
            list.Add(new($"audit {Clip(id)}", HttpMethod.Get, $"api/units/{escaped}/audit", h.CommitteeToken, null, NotThere));
            list.Add(new($"GET admission {Clip(id)}", HttpMethod.Get, $"{admissions}/{escaped}", h.Branch1Token, null, [404], "admissionId"));
            list.Add(new($"retract admission {Clip(id)}", HttpMethod.Delete, $"{admissions}/{escaped}?reason=x", h.Branch1Token, null, [404], "admissionId"));
            list.Add(new($"scenario {Clip(id)}", HttpMethod.Get, $"api/scenarios/{escaped}", h.ProvinceBoardToken, null, NotThere));
        }

        foreach (var text in new[] { Drop, Script, "-1", "0", "99999999999", "1e3", "2025.5", "２０２５", Nfd })
        {
            var q = Uri.EscapeDataString(text);
            list.Add(new($"year={Clip(text)}", HttpMethod.Get, $"api/units/{TestHierarchy.Province}?year={q}", h.CommitteeToken, null, Bad, "year"));
            list.Add(new($"stream year={Clip(text)}", HttpMethod.Get, $"api/units/{TestHierarchy.Province}/stream?year={q}", h.CommitteeToken, null, Bad, "year"));
            list.Add(new($"audit limit={Clip(text)}", HttpMethod.Get, $"api/units/{TestHierarchy.Province}/audit?limit={q}", h.CommitteeToken, null, Bad, "limit"));
            list.Add(new($"search limit={Clip(text)}", HttpMethod.Get, $"api/units?search=x&limit={q}", h.CommitteeToken, null, Bad, "limit"));
            list.Add(new($"report from={Clip(text)}", HttpMethod.Get, $"api/units/{TestHierarchy.Province}/report?from={q}", h.CommitteeToken, null, Bad, "from"));
            list.Add(new($"report.csv to={Clip(text)}", HttpMethod.Get, $"api/units/{TestHierarchy.Province}/report.csv?to={q}", h.CommitteeToken, null, Bad, "to"));
        }

        list.Add(new("search of 201 characters", HttpMethod.Get, $"api/units?search={new string('a', 201)}", h.CommitteeToken, null, Bad, "search"));
        foreach (var token in new[] { Drop, Script, "hy_u1_" + new string('A', 3000), "hy_u1_\t", "" })
        {
            list.Add(new($"token {Clip(token)}", HttpMethod.Post, admissions, token, Json(Admissions.Valid()), Unauthorized));
        }

        // Quotas: numbers out of range or of the wrong type, hostile If-Match.
        var quota = $"api/units/{TestHierarchy.Ward}/quota";
        foreach (var (body, field) in new[]
        {
            ("{\"admissions\":-1}", "admissions"), ("{\"admissions\":2147483648}", "admissions"), ("{\"admissions\":1e10}", "admissions"),
            ("{\"admissions\":1.5}", "admissions"), ("{\"admissions\":\"ten\"}", "admissions"), ("{\"admissions\":null}", "admissions"),
            ("{\"admissions\":-99999999999999999999}", "admissions"), ("{\"admissions\":5,\"year\":99999}", "year"), ("{\"admissions\":5,\"year\":-2025}", "year"),
            ("{\"admissions\":5,\"year\":\"" + Drop + "\"}", "year"), ("{}", "admissions"), ("{\"admissions\":[5]}", "admissions"), ("{", "body"),
        })
        {
            list.Add(new($"quota {body}", HttpMethod.Put, quota, h.DistrictBoardToken, body, Bad, field) { IfMatch = "\"0\"" });
        }

        foreach (var tag in new[] { Drop, Script, "\"-1\"", "\"99999999999999999999999\"", "*", "W/\"x\"" })
        {
            list.Add(new($"If-Match {Clip(tag)}", HttpMethod.Put, quota, h.DistrictBoardToken, "{\"admissions\":5}", Bad, "If-Match") { IfMatch = tag });
        }

        list.Add(new("quota without If-Match", HttpMethod.Put, quota, h.DistrictBoardToken, "{\"admissions\":5}", [428], "If-Match"));
        list.Add(new("quota body of 70 KB", HttpMethod.Put, quota, h.DistrictBoardToken, "{\"admissions\":5,\"x\":\"" + new string('x', 70_000) + "\"}", TooLarge, "body") { IfMatch = "\"0\"" });

        // Scenarios: malformed and hostile creation and edits.
        foreach (var body in new[] { "{", "[]", "{\"rootId\":5}", $"{{\"rootId\":\"{Drop}\"}}", $"{{\"rootId\":\"{Script}\",\"name\":\"{Script}\"}}", "{\"rootId\":\"99\",\"year\":-1}", "{\"rootId\":\"99\",\"name\":\"" + new string('n', 70_000) + "\"}" })
        {
            list.Add(new($"scenario {Clip(body)}", HttpMethod.Post, "api/scenarios", h.ProvinceBoardToken, body, [400, 403, 404, 413]));
        }

        return list;
    }

    public static string Json(object body) => JsonSerializer.Serialize(body);

    private static string Clip(string text) => text.Length <= 24 ? text : text[..24] + "…";
}
