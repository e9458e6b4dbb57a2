using System.Diagnostics;

namespace Hierarchy.Silo.Tests.Support;

/// <summary>Runs the built silo's command line as its own process, as an operator would, in a given working directory.</summary>
public static class SiloCli
{
    public static string Assembly
    {
        get
        {
            // tests/Hierarchy.Silo.Tests/bin/<Configuration>/net10.0 → silo/bin/<Configuration>/net10.0
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = output.Parent!.Name;
            for (var dir = output; dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "silo", "bin", configuration, output.Name, "Hierarchy.Silo.dll");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new FileNotFoundException("The silo's build output was not found; build silo/ first.");
        }
    }

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Assembly);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment.Remove("HIERARCHY_POSTGRES");
        info.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"silo {string.Join(' ', arguments)} did not finish: {await output}{await error}");
        }

        return (process.ExitCode, await output, await error);
    }
}
