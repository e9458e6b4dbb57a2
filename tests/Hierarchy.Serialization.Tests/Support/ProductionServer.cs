using Hierarchy.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;

namespace Hierarchy.Serialization.Tests.Support;

/// <summary>
/// The server host exactly as <c>serve</c> builds it, in the Production environment (where Orleans would not analyse
/// serializers by itself), on a SQLite file of its own that is deleted afterwards.
/// </summary>
public sealed class ProductionServer : IAsyncDisposable
{
    private readonly DirectoryInfo folder;

    private ProductionServer(DirectoryInfo folder, WebApplication app)
    {
        this.folder = folder;
        App = app;
    }

    public WebApplication App { get; }

    public static ProductionServer Build(Action<WebApplicationBuilder>? configure = null)
    {
        var folder = Directory.CreateTempSubdirectory("hierarchy-serialization-tests-");
        string[] args =
        [
            // Explicit, so that a DOTNET_ENVIRONMENT=Development left in the shell cannot turn the check on for us.
            "--environment=Production",
            $"--Storage:Sqlite:Path={Path.Combine(folder.FullName, "hierarchy.db")}",
            "--urls=http://127.0.0.1:0",
            "--Demo:Enabled=false",
            "--Silo:Banner=false",
        ];
        return new ProductionServer(folder, SiloApplication.BuildServer(args, configure));
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();

        // Pooled connections keep the file open; the folder can go only once they are closed.
        SqliteConnection.ClearAllPools();
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is not worth failing a test over.
        }
    }
}
