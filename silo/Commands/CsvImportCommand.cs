using System.CommandLine;
using System.Text;
using Hierarchy.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Silo.Commands;

/// <summary>
/// The shape every CSV import shares: a FILE argument, <c>--year</c> for rows without a year, <c>--force</c> to import
/// into a demo database, and the file read as UTF-8 on grains of this storage. The import itself says what it did.
/// </summary>
public static class CsvImportCommand
{
    public delegate Task<string> Import(IServiceProvider services, TextReader csv, int defaultYear, string by);

    public static Command Create(string name, string summary, string fileDescription, Import import)
    {
        var file = new Argument<FileInfo>("FILE") { Description = fileDescription };
        var year = new Option<int>("--year")
        {
            Description = "The year of rows without a year column (default: this year).",
            DefaultValueFactory = _ => DateTime.Today.Year,
        };
        var force = new Option<bool>("--force") { Description = "Import even into a demo database." };
        var command = new Command(name, summary) { file, year, force };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunWithGrainsAsync(parse, async (services, _) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new FileNotFoundException(null, path.FullName);
            }

            var defaultYear = parse.GetValue(year);
            if (defaultYear is < 1930 or > 2200)
            {
                throw new CommandLineException($"--year {defaultYear} is out of range (1930–2200).");
            }

            await ImportGuard.EnsureImportAllowedAsync(services.GetRequiredService<DatabaseModeStore>(), parse.GetValue(force));
            using var reader = new StreamReader(path.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            Console.WriteLine(await import(services, reader, defaultYear, ImportGuard.Operator(name)));
            return CommandRunner.Ok;
        }, cancellationToken));
        return command;
    }
}
