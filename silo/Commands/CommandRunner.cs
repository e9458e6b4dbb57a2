using System.CommandLine;
using System.Net.Sockets;
using System.Text.Json;
using Hierarchy.Grains.Import;
using Hierarchy.Silo.Demo;
using Hierarchy.Silo.Hosting;
using Hierarchy.Silo.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Hierarchy.Silo.Commands;

/// <summary>
/// Runs one sub-command on the configured storage and turns every expected failure into one clear line and exit
/// code 1. Commands that call grains either own the runtime or join the one that runs: on SQLite they refuse while a
/// silo serves the file, because two processes activating the same grain would write over each other; on PostgreSQL
/// they join a running cluster as an Orleans client, so each grain keeps its one activation wherever it lives.
/// </summary>
public static class CommandRunner
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    private const int MaxListedErrors = 100;

    /// <summary>For commands that only touch the silo's own records or files (users, backup): no grain is activated.</summary>
    public static Task<int> RunOfflineAsync(ParseResult parse, Func<IServiceProvider, CancellationToken, Task<int>> run, CancellationToken cancellationToken) =>
        GuardAsync(parse, async () =>
        {
            using var host = SiloApplication.BuildCommandHost(ConfigurationArguments.From(parse));
            return await run(host.Services, cancellationToken);
        });

    /// <summary>
    /// For commands that call grains: on PostgreSQL through the running cluster when there is one; otherwise (and
    /// on SQLite, after refusing beside a live silo) in a runtime of its own. Starts the host, runs, stops it cleanly.
    /// </summary>
    public static Task<int> RunWithGrainsAsync(ParseResult parse, Func<IServiceProvider, CancellationToken, Task<int>> run, CancellationToken cancellationToken) =>
        GuardAsync(parse, async () =>
        {
            using var host = await SiloApplication.BuildGrainCommandHostAsync(ConfigurationArguments.From(parse), cancellationToken);
            if (host.Services.GetRequiredService<StorageTarget>().Provider == StorageProvider.Sqlite
                && await host.Services.GetRequiredService<ServingLease>().HeldByOtherAsync() is { } owner)
            {
                throw new CommandLineException($"A silo ({owner}) is serving this database; stop it first (its lease expires {ServingLease.Expiry.TotalSeconds:N0} s after it stops).");
            }

            await host.StartAsync(cancellationToken);
            try
            {
                return await run(host.Services, cancellationToken);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        });

    public static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + OneLine(message));
        return Failed;
    }

    private static async Task<int> GuardAsync(ParseResult parse, Func<Task<int>> run)
    {
        if (ConfigurationArguments.Invalid(parse) is { } bad)
        {
            Console.Error.WriteLine($"error: unrecognized argument '{bad}' (settings go as --Section:Key=value; see --help)");
            return Usage;
        }

        try
        {
            return await run();
        }
        catch (OperationCanceledException)
        {
            return Fail("cancelled");
        }
        catch (CsvImportException csv)
        {
            // One line per bad field, so the whole file is fixed in one pass; a file that is wrong throughout is cut short.
            foreach (var error in csv.Errors.Take(MaxListedErrors))
            {
                Fail(error.ToString());
            }

            if (csv.Errors.Count > MaxListedErrors)
            {
                Fail($"{csv.Errors.Count - MaxListedErrors:N0} more bad fields not listed; nothing was imported.");
            }

            return Failed;
        }
        catch (Exception e) when (Describe(e) is { } message)
        {
            return Fail(message);
        }
    }

    private static string? Describe(Exception e) => e switch
    {
        CommandLineException or SiloConfigurationException or DemoRefusedException => e.Message,
        FileNotFoundException file => $"file not found: {file.FileName ?? file.Message}",
        DirectoryNotFoundException or UnauthorizedAccessException => e.Message,
        JsonException json => json.LineNumber is { } line ? $"not valid JSON: line {line + 1}, byte {json.BytePositionInLine + 1}" : "not valid JSON",
        NpgsqlException or SocketException => $"cannot use PostgreSQL: {e.Message}",
        SqliteException sqlite => $"cannot use the SQLite database: {sqlite.Message}",
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerExceptions[0]),
        InvalidOperationException or KeyNotFoundException or ArgumentException or NotSupportedException or IOException => e.Message,
        _ when e.InnerException is { } inner => Describe(inner) ?? e.Message,
        _ => e.Message,
    };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
