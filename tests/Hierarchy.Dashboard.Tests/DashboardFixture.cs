using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Hierarchy.Dashboard.Tests;

/// <summary>One silo with the Đà Nẵng demo and one headless Chromium for all browser tests; each test gets a fresh context.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string ProvinceId = "48";

    private SiloProcess? silo;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public SiloProcess Silo => silo ?? throw new InvalidOperationException("Not started.");

    public string CommitteeToken { get; private set; } = "";

    public string BoardToken { get; private set; } = "";

    public string BranchToken { get; private set; } = "";

    /// <summary>The first unit at each level under the province: district, ward, branch.</summary>
    public IReadOnlyList<string> FirstPath { get; private set; } = [];

    public string BranchId => FirstPath[^1];

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(10_000);
        silo = await SiloProcess.StartAsync(TimeSpan.FromMinutes(3));
        CommitteeToken = await silo.AddUserAsync(ProvinceId, "committee", "Dashboard test committee");
        BoardToken = await silo.AddUserAsync(ProvinceId, "board", "Dashboard test board");
        FirstPath = await FirstPathAsync();
        BranchToken = await silo.AddUserAsync(BranchId, "branch", "Dashboard test secretary");

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }

    /// <summary>A page signed in with the token (kept in sessionStorage as the dashboard does), or anonymous when null.</summary>
    public async Task<IPage> NewPageAsync(string? token, int width = 1280, int height = 900)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Silo.BaseAddress.ToString(),
            AcceptDownloads = true,
            Locale = "vi-VN",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        if (token is not null)
        {
            await context.AddInitScriptAsync($"sessionStorage.setItem('hierarchy.token', {JsonSerializer.Serialize(token)});");
        }

        return await context.NewPageAsync();
    }

    public HttpClient Api(string token)
    {
        var http = new HttpClient { BaseAddress = Silo.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public async Task<int> AdmittedAsync(string unitId)
    {
        using var http = Api(CommitteeToken);
        var view = await http.GetFromJsonAsync<JsonElement>($"api/units/{unitId}");
        return view.GetProperty("admitted").GetInt32();
    }

    public async Task<string> NameAsync(string unitId)
    {
        using var http = Api(CommitteeToken);
        var view = await http.GetFromJsonAsync<JsonElement>($"api/units/{unitId}");
        return view.GetProperty("name").GetString()!;
    }

    /// <summary>The name of the unit's level as the unit carries it (Huyện, Phường, Đảng bộ khối).</summary>
    public async Task<string> LevelNameAsync(string unitId)
    {
        using var http = Api(CommitteeToken);
        var view = await http.GetFromJsonAsync<JsonElement>($"api/units/{unitId}");
        return view.GetProperty("levelName").GetString()!;
    }

    /// <summary>The party organisation's name the silo gives the unit (Đảng bộ quận Liên Chiểu, Chi bộ Tổ dân phố 26).</summary>
    public async Task<string> PartyNameAsync(string unitId)
    {
        using var http = Api(CommitteeToken);
        var view = await http.GetFromJsonAsync<JsonElement>($"api/units/{unitId}");
        return view.GetProperty("partyName").GetString()!;
    }

    public async Task<int> QuotaAsync(string unitId)
    {
        using var http = Api(CommitteeToken);
        var view = await http.GetFromJsonAsync<JsonElement>($"api/units/{unitId}");
        return view.GetProperty("quota").GetInt32();
    }

    /// <summary>Sets a quota for this year through the API as the province board, with the version it reads first.</summary>
    public async Task SetQuotaAsync(string unitId, int quota)
    {
        using var http = Api(BoardToken);
        using var current = await http.GetAsync($"api/units/{unitId}");
        current.EnsureSuccessStatusCode();
        using var put = new HttpRequestMessage(HttpMethod.Put, $"api/units/{unitId}/quota")
        {
            Content = JsonContent.Create(new { year = DateTime.Today.Year, admissions = quota }),
        };
        put.Headers.IfMatch.Add(current.Headers.ETag!);
        using var response = await http.SendAsync(put);
        response.EnsureSuccessStatusCode();
    }

    public async Task<HttpResponseMessage> ReportAdmissionAsync(DateOnly admittedOn)
    {
        using var http = Api(BranchToken);
        return await http.PostAsJsonAsync($"api/units/{BranchId}/admissions", new
        {
            idempotencyKey = Guid.NewGuid().ToString(),
            admittedOn = admittedOn.ToString("yyyy-MM-dd"),
            gender = "female",
            birthDate = admittedOn.AddYears(-25).ToString("yyyy-MM-dd"),
            youthUnion = true,
            ethnicMinority = false,
            religious = false,
            privateBusinessOwner = false,
            education = "university",
            occupation = "publicService",
        });
    }

    private async Task<IReadOnlyList<string>> FirstPathAsync()
    {
        using var http = Api(CommitteeToken);
        var path = new List<string>();
        var id = ProvinceId;
        for (var depth = 0; depth < 4; depth++)
        {
            var view = await http.GetFromJsonAsync<JsonElement>($"api/units/{id}");
            if (view.GetProperty("level").GetString() == "branch")
            {
                return path;
            }

            var children = view.GetProperty("children");
            id = children.EnumerateArray().OrderBy(c => c.GetProperty("name").GetString(), StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))
                .First().GetProperty("id").GetString()!;
            path.Add(id);
        }

        return path;
    }
}
