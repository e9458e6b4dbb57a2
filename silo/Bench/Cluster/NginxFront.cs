using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Hierarchy.Silo.Bench.Cluster;

/// <summary>
/// Debian's nginx in front of silos, running the configuration the README gives (<c>deploy/nginx-cluster.conf</c>,
/// beside the program) with only its listening address and its list of silos changed, in a folder of its own.
/// </summary>
public sealed partial class NginxFront : IAsyncDisposable
{
    /// <summary>The header in which the shipped configuration names the silo that answered.</summary>
    public const string SiloHeader = "X-Hierarchy-Silo";

    private const string Executable = "/usr/sbin/nginx";

    private readonly Process process;
    private readonly string folder;

    private NginxFront(Process process, string folder, Uri baseAddress)
    {
        this.process = process;
        this.folder = folder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The shipped configuration, copied beside the program at build.</summary>
    public static string ShippedConfiguration => Path.Combine(AppContext.BaseDirectory, "deploy", "nginx-cluster.conf");

    public string ErrorLog => File.Exists(Path.Combine(folder, "error.log")) ? File.ReadAllText(Path.Combine(folder, "error.log")) : "";

    public static async Task<NginxFront> StartAsync(IEnumerable<Uri> silos)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException("nginx is not installed (apt-get install -y nginx).");
        }

        var folder = Directory.CreateTempSubdirectory("hierarchy-nginx-").FullName;
        var port = FreePort();
        var site = ServerLines().Replace(await File.ReadAllTextAsync(ShippedConfiguration), "");
        site = site.Replace("upstream hierarchy_silos {", "upstream hierarchy_silos {\n" + string.Concat(silos.Select(s => $"    server {s.Authority} max_fails=1 fail_timeout=3s;\n")), StringComparison.Ordinal);
        site = site.Replace("listen 80;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(folder, "hierarchy.conf"), site);

        // The main file a Debian install already has, reduced to what a private instance needs; enough connections
        // for thousands of live streams, each of which holds one towards the client and one towards a silo.
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            user root;
            worker_processes 1;
            worker_rlimit_nofile 65536;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 30000; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/hierarchy.conf;
            }
            """);

        var info = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf"), "-g", "daemon off;" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("nginx did not start.");
        var front = new NginxFront(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        await front.WaitListeningAsync(port);
        return front;
    }

    /// <summary>The silo (host:port) that answered through the proxy.</summary>
    public static string ServedBy(HttpResponseMessage response) =>
        response.Headers.TryGetValues(SiloHeader, out var values) ? values.Last().Split(',').Last().Trim() : "";

    public HttpClient Client(int connections = 64) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(90),
        };

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private async Task WaitListeningAsync(int port)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}{ErrorLog}");
            }

            try
            {
                using var socket = new TcpClient();
                await socket.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("nginx did not listen within 20 s: " + ErrorLog);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^\s*server 127\.0\.0\.1:\d+[^\n]*\n", RegexOptions.Multiline)]
    private static partial Regex ServerLines();
}
