using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hierarchy.Silo.Bench.Cluster;

/// <summary>
/// One silo of a cluster as an operator runs it: this program's <c>serve</c> in a process of its own, with its own
/// HTTP, silo and gateway ports and the standard Orleans settings, so that it can be killed or stopped like a real one.
/// </summary>
public sealed class SiloNode : IAsyncDisposable
{
    private readonly StringBuilder log = new();
    private readonly IReadOnlyList<string> settings;
    private Process? process;

    /// <param name="settings">Storage and membership settings every silo of the cluster gets.</param>
    public SiloNode(IReadOnlyList<string> settings)
    {
        this.settings = settings;
        HttpPort = FreePort();
        SiloPort = FreePort();
        GatewayPort = FreePort();
    }

    public int HttpPort { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}/");

    /// <summary>How Orleans names this silo (address:port), as the management grain reports it.</summary>
    public string SiloEndpoint => $"127.0.0.1:{SiloPort}";

    public bool IsRunning => process is { HasExited: false };

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>The resident memory of the process now, in MiB.</summary>
    public double ResidentMegabytes
    {
        get
        {
            if (process is null || process.HasExited)
            {
                return 0;
            }

            process.Refresh();
            return process.WorkingSet64 / 1024.0 / 1024.0;
        }
    }

    public async Task StartAsync(TimeSpan? readyWithin = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments =
        [
            typeof(SiloNode).Assembly.Location, "serve", "--urls", BaseAddress.ToString().TrimEnd('/'),
            "--Demo:Enabled=false", "--Silo:Banner=false", "--Logging:LogLevel:Default=Warning",
            $"--Orleans:Endpoints:SiloPort={SiloPort.ToString(CultureInfo.InvariantCulture)}",
            $"--Orleans:Endpoints:GatewayPort={GatewayPort.ToString(CultureInfo.InvariantCulture)}",
            "--Orleans:Endpoints:AdvertisedIPAddress=127.0.0.1",
            .. settings,
        ];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitReadyAsync(readyWithin ?? TimeSpan.FromSeconds(120));
    }

    /// <summary>SIGKILL, as a crash or the OOM killer would: no shutdown, no goodbye to the cluster.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM, as systemd stops it: the silo leaves the cluster and hands its units over.</summary>
    public async Task StopAsync()
    {
        if (process is not { HasExited: false })
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process?.Dispose();
    }

    private async Task WaitReadyAsync(TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with {process.ExitCode} before it was ready:\n{Log}");
            }

            try
            {
                if ((await client.GetAsync("health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or busy starting.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The silo was not ready within {limit.TotalSeconds:N0} s:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
