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
    private int stopped;

    private TestSilo(IHost host) => this.host = host;

    public IGrainFactory GrainFactory => host.Services.GetRequiredService<IGrainFactory>();

    public IServiceProvider Services => host.Services;

    public static async Task<TestSilo> StartAsync(Action<ActorsBuilder> configure, Action<IServiceCollection>? services = null)
    {
        // No configuration files, console logging or console lifetime: a test run starts many silos, and each of
        // those would add file watchers and signal handlers. Tests add logging through services if they want it.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddActors(configure);
        services?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync().ConfigureAwait(false);
        return new TestSilo(host);
    }

    /// <summary>Stops the silo abruptly: no grain gets OnDeactivateAsync, as if the process died. Disposing afterwards is safe.</summary>
    public Task KillAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 0)
        {
            host.Dispose();
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref stopped, 1) != 0)
        {
            return;
        }

        try
        {
            await host.StopAsync().ConfigureAwait(false);
        }
        finally
        {
            host.Dispose();
        }
    }
}
