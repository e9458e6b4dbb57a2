using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Hierarchy.Dashboard.Tests;

/// <summary>
/// The real silo as a separate process on a free loopback port, with its own data folder: a browser needs a real
/// socket, which WebApplicationFactory's in-memory server does not give.
/// </summary>
public sealed partial class SiloProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private SiloProcess(Process process, string dataFolder, Uri baseAddress)
    {
        this.process = process;
        DataFolder = dataFolder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string DataFolder { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static Task<SiloProcess> StartAsync(TimeSpan readyWithin) =>
        StartOnAsync(Directory.CreateTempSubdirectory("hierarchy-dashboard-").FullName, readyWithin);

    /// <summary>Serves the database already in <paramref name="dataFolder"/> (made with <see cref="RunAsync"/>, say); the folder is deleted on dispose.</summary>
    public static async Task<SiloProcess> StartOnAsync(string dataFolder, TimeSpan readyWithin, params string[] arguments)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = Start(dataFolder, ["serve", "--urls", baseAddress.ToString().TrimEnd('/'), .. arguments]);
        var silo = new SiloProcess(start, dataFolder, baseAddress);
        silo.Capture(start);
        await silo.WaitUntilReadyAsync(readyWithin);
        return silo;
    }

    /// <summary>Runs a sub-command of the silo on a data folder and returns what it printed; throws when it fails.</summary>
    public static async Task<string> RunAsync(string dataFolder, params string[] arguments)
    {
        using var command = Start(dataFolder, arguments);
        var stdout = command.StandardOutput.ReadToEndAsync();
        var stderr = command.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await command.WaitForExitAsync(timeout.Token);
        var text = await stdout + await stderr;
        return command.ExitCode == 0 ? text : throw new InvalidOperationException($"{string.Join(' ', arguments)} failed ({command.ExitCode}):\n{text}");
    }

    /// <summary>Creates a user with the silo's own command line on the same data folder and returns the printed token.</summary>
    public async Task<string> AddUserAsync(string unitId, string role, string name)
    {
        using var command = Start(DataFolder, "users", "add", "--unit", unitId, "--role", role, "--name", name);
        var stdout = command.StandardOutput.ReadToEndAsync();
        var stderr = command.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await command.WaitForExitAsync(timeout.Token);
        var text = await stdout + await stderr;
        var token = TokenPattern().Match(text);
        return command.ExitCode == 0 && token.Success
            ? token.Value
            : throw new InvalidOperationException($"users add failed ({command.ExitCode}):\n{text}");
    }

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
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process: the temp folder is cleaned by the OS later.
        }
    }

    private static Process Start(string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(RepositoryPaths.SiloAssembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // A quiet demo: no simulated admissions, so the tests see exactly the changes they make.
        info.Environment["Demo__Simulator__Enabled"] = "false";
        info.Environment["Demo__CataloguePath"] = RepositoryPaths.Catalogue;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_gcServer"] = "0";
        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
    }

    private void Capture(Process started)
    {
        started.OutputDataReceived += (_, e) => Append(e.Data);
        started.ErrorDataReceived += (_, e) => Append(e.Data);
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan within)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < within)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy loading the demo.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The silo was not ready within {within}:\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"hy_[A-Za-z0-9]+_[A-Za-z0-9_\-]+")]
    private static partial Regex TokenPattern();
}
