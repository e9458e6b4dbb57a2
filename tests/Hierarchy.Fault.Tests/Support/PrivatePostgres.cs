using System.Diagnostics;

namespace Hierarchy.Fault.Tests.Support;

/// <summary>
/// A PostgreSQL server of the test's own, started with .ci/postgres.sh, that the test may stop and start again
/// mid-run without touching the shared server the other tests use.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string folder;

    private PrivatePostgres(string folder, string connectionString)
    {
        this.folder = folder;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PrivatePostgres> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hierarchy-fault-pg-" + Guid.NewGuid().ToString("N")[..12]);
        var output = await ScriptAsync("start", folder);
        return new PrivatePostgres(folder, output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1]);
    }

    /// <summary>A fast shutdown, as an operator's restart or a failover does it: open connections are cut.</summary>
    public Task StopAsync() => ScriptAsync("pause", folder);

    /// <summary>Starts the server again on the same port, with the same data.</summary>
    public Task ResumeAsync() => ScriptAsync("resume", folder);

    public async ValueTask DisposeAsync() => await ScriptAsync("stop", folder);

    private static async Task<string> ScriptAsync(string verb, string folder)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add(verb);
        info.ArgumentList.Add(folder);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"postgres.sh {verb} failed ({process.ExitCode}): {await output}{await error}");
        }

        return await output;
    }

    private static string Script
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, ".ci", "postgres.sh");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException(".ci/postgres.sh was not found above the test's folder.");
        }
    }
}
