using Hierarchy.Actors.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hierarchy.Actors.Testing;

/// <summary>
/// An in-process silo for tests, in the spirit of Orleans' TestCluster: start it with the grains and storage a test
/// needs, call grains through <see cref="GrainFactory"/>, dispose it to stop.
/// </summary>
public sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost host;

    private TestSilo(IHost host) => this.host = host;

    public IGrainFactory GrainFactory => host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => host.Services;

    public static async Task<TestSilo> StartAsync(Action<ActorsBuilder> configure, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddActors(configure);
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        return new TestSilo(host);
    }

    /// <summary>Stops the silo abruptly: no grain gets OnDeactivateAsync, as if the process died.</summary>
    public async Task KillAsync()
    {
        host.Dispose();
        await Task.CompletedTask.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync().ConfigureAwait(false);
        host.Dispose();
    }
}
