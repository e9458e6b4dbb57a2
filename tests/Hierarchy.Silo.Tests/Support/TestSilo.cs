using System.Net.Http.Headers;
using Hierarchy.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Silo.Tests.Support;

/// <summary>
/// The real silo host (the same builder <c>serve</c> uses) on Kestrel at a free loopback port, so tests speak real
/// HTTP: streaming, loopback rules and request limits behave as in production.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly WebApplication app;

    private TestSilo(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<TestSilo> StartAsync(TestStorage storage, IEnumerable<string>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            "--Demo:Enabled=false",
            "--Demo:Simulator:Enabled=false",
            "--Silo:Banner=false",
            "--Logging:LogLevel:Default=Warning",
            "--Access:TokenCacheDuration=00:00:00.500",
            .. storage.Arguments,
            .. settings ?? [],
        ];
        var app = SiloApplication.BuildServer(args, configure);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await app.Services.GetRequiredService<SiloReadiness>().WhenReady.WaitAsync(TimeSpan.FromMinutes(2));
        return new TestSilo(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public T Get<T>() where T : notnull => app.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
