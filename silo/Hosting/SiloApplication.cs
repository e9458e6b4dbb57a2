using Hierarchy.Silo.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Hierarchy.Silo.Hosting;

/// <summary>Builds the two kinds of host: the server, and the short-lived one each sub-command runs in.</summary>
public static class SiloApplication
{
    /// <summary>
    /// The server. appsettings.json is read from the program's folder, so the command works from any directory;
    /// relative paths in settings (the SQLite file) are relative to the working directory.
    /// </summary>
    public static WebApplication BuildServer(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.AddSiloCore(serving: true);
        builder.Services.AddSiloWeb();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseSilo();
        return app;
    }

    /// <summary>A host with the runtime and storage but no HTTP, for one sub-command; quiet unless something goes wrong.</summary>
    public static IHost BuildCommandHost(string[] args, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = CreateCommandBuilder(args);
        builder.AddSiloCore(serving: false);
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>
    /// The host of a sub-command that calls grains: on PostgreSQL, an Orleans client of the running cluster when one
    /// of its gateways answers; otherwise a runtime of its own (<see cref="BuildCommandHost"/>).
    /// </summary>
    public static async Task<IHost> BuildGrainCommandHostAsync(string[] args, CancellationToken cancellationToken)
    {
        var builder = CreateCommandBuilder(args);
        var storage = StorageTarget.FromConfiguration(builder.Configuration);
        var clusterId = SiloEndpoints.FromConfiguration(builder.Configuration, wellKnownPorts: false).ClusterId;
        if (storage.Provider == StorageProvider.Postgres
            && (await ClusterGateways.AnsweringAsync(storage.PostgresConnectionString!, clusterId, cancellationToken)).Count > 0)
        {
            builder.AddClusterClientCore();
        }
        else
        {
            builder.AddSiloCore(serving: false);
        }

        return builder.Build();
    }

    /// <summary>A sub-command's host that joins the running cluster on PostgreSQL as an Orleans client.</summary>
    public static IHost BuildClusterClientHost(string[] args)
    {
        var builder = CreateCommandBuilder(args);
        builder.AddClusterClientCore();
        return builder.Build();
    }

    private static HostApplicationBuilder CreateCommandBuilder(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });

        // Last, so that it wins over appsettings.json: a command prints its result, not the host's chatter.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            ["Logging:LogLevel:Orleans"] = "Warning",
            ["Logging:LogLevel:Polly"] = "Warning",

            // Orleans' watchdog reports the machine's uptime as a stall at its first check.
            ["Logging:LogLevel:Orleans.Runtime.Watchdog"] = "Error",

            // A silo of the cluster stopping or dying while a command runs is reported by the command if it matters.
            ["Logging:LogLevel:Orleans.Runtime.Messaging"] = "Error",

            // The silo's notes on garbage-collection settings concern a long-running server, not a command's silo.
            ["Logging:LogLevel:Orleans.Runtime.Silo"] = "Error",

            // A turn that ran long on a busy machine slows a command down but changes nothing it did.
            ["Logging:LogLevel:Orleans.Runtime.Scheduler"] = "Error",
        });

        // Whatever the host logs goes to stderr beside the command's errors; stdout carries only the command's result.
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        return builder;
    }
}
