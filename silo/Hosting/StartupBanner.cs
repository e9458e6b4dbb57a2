using System.Text;
using Hierarchy.Silo.Dashboard;
using Hierarchy.Silo.Demo;
using Hierarchy.Silo.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Hierarchy.Silo.Hosting;

/// <summary>Prints, once the silo listens and its start-up work is done, where to open it and how to sign in.</summary>
public sealed class StartupBanner(IServer server, IHostApplicationLifetime lifetime, SiloReadiness readiness, StorageTarget storage, IConfiguration configuration)
    : IHostedService
{
    public IReadOnlyList<DemoAccount> DemoAccounts { get; set; } = [];

    public ModeRecord? Mode { get; set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Silo:Banner", true))
        {
            return Task.CompletedTask;
        }

        lifetime.ApplicationStarted.Register(() => _ = readiness.WhenReady.ContinueWith(
            _ => Console.Out.Write(Render()),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public string Render()
    {
        var pathBase = (configuration["PathBase"] ?? "").TrimEnd('/');
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        var open = addresses.Select(a => a.Replace("://[::]", "://localhost", StringComparison.Ordinal).Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal) + pathBase + "/").ToList();
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("Hierarchy silo is running.");
        text.AppendLine($"  Storage:  {storage.Describe()}");
        text.AppendLine($"  Database: {Describe(Mode)}");
        foreach (var url in open)
        {
            text.AppendLine($"  Open:     {url}");
        }

        if (open.Count > 0)
        {
            text.AppendLine($"  API:      {open[0]}openapi/v1.json");
            if (OrleansDashboard.Enabled(configuration))
            {
                text.AppendLine($"  Orleans:  {open[0]}orleans/ (IT staff; an admin token: users add --role admin --name <name>)");
            }
        }

        if (DemoAccounts.Count > 0)
        {
            text.AppendLine("  Sign in with one of these demo tokens (new at every start; the previous ones no longer work):");
            foreach (var account in DemoAccounts)
            {
                text.AppendLine($"    {account.Role.ToString().ToLowerInvariant(),-10} {account.UnitId,-10} {account.UnitName}");
                text.AppendLine($"               {account.Token}");
            }
        }

        if (Mode?.Mode == DatabaseMode.Demo)
        {
            text.AppendLine("  Reads without a token are allowed from this machine because this is a demo database.");
        }
        else
        {
            text.AppendLine("  Sign in with a token: dotnet run --project silo -- users add --unit <id> --role committee|board|branch --name <name>");
        }

        text.AppendLine();
        return text.ToString();
    }

    private static string Describe(ModeRecord? mode) => mode?.Mode switch
    {
        DatabaseMode.Demo => $"demo ({mode.Scope}), simulator reporting admissions",
        DatabaseMode.Imported => "imported data (no demo, no simulator)",
        _ => "empty — import the catalogue: dotnet run --project silo -- import-catalogue <dvhcvn.json>",
    };
}
