using System.CommandLine;
using Hierarchy.Silo.Hosting;
using Hierarchy.Silo.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Silo.Commands;

/// <summary>
/// <c>backup FILE</c>: a consistent copy of the SQLite database with <c>VACUUM INTO</c>, safe while the silo runs
/// (it reads one snapshot and writes a compact new file). The copy is a database no silo serves: the running silo's
/// lease is cleared in it. PostgreSQL is backed up with its own tools.
/// </summary>
public static class BackupCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Where to write the copy; must not exist yet." };
        var command = new Command("backup", "Copy the SQLite database to FILE consistently, even while the silo runs.") { file };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunOfflineAsync(parse, async (services, ct) =>
        {
            var storage = services.GetRequiredService<StorageTarget>();
            if (storage.Provider != StorageProvider.Sqlite)
            {
                throw new CommandLineException("backup copies SQLite databases; back up PostgreSQL with pg_dump (see the README).");
            }

            if (!File.Exists(storage.SqlitePath))
            {
                throw new CommandLineException($"there is no database at {storage.SqlitePath}.");
            }

            var target = parse.GetValue(file)!;
            if (target.Exists)
            {
                throw new CommandLineException($"{target.FullName} exists; choose a new file name.");
            }

            target.Directory?.Create();
            var source = new SqliteConnectionStringBuilder { DataSource = storage.SqlitePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
            await using (var connection = new SqliteConnection(source))
            {
                await connection.OpenAsync(ct);
                await using var command = connection.CreateCommand();
                command.CommandText = "VACUUM INTO $target";
                command.Parameters.AddWithValue("$target", target.FullName);
                command.CommandTimeout = 0;
                await command.ExecuteNonQueryAsync(ct);
            }

            // The copy holds the serving silo's lease as it was at that moment; left there, the copy would look served
            // by that silo for as long as it lives, and verify or a restore would refuse to run on it.
            using (var copy = SiloApplication.BuildCommandHost(ConfigurationArguments.From(parse, "--Storage:Provider=sqlite", $"--Storage:Sqlite:Path={target.FullName}")))
            {
                await copy.Services.GetRequiredService<ServingLease>().ForgetAsync();
            }

            target.Refresh();
            Console.WriteLine($"Backed up {storage.SqlitePath} to {target.FullName} ({target.Length / 1024.0 / 1024.0:N1} MB).");
            return CommandRunner.Ok;
        }, cancellationToken));
        return command;
    }
}
