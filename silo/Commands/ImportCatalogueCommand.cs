using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Hierarchy.Grains.Import;
using Hierarchy.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Silo.Commands;

/// <summary><c>import-catalogue FILE</c>: provinces and the units below them from an official catalogue's JSON, in either shape.</summary>
public static class ImportCatalogueCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The catalogue: dvhcvn.json (province, district, ward) or dvhc-2025.json (province, commune)." };
        var province = new Option<string?>("--province") { Description = "Import only this province.", HelpName = "ID" };
        var force = new Option<bool>("--force") { Description = "Import even into a demo database." };
        var command = new Command("import-catalogue", "Import provinces, districts and wards, or provinces and communes, from an official catalogue (JSON).") { file, province, force };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunWithGrainsAsync(parse, async (services, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new FileNotFoundException(null, path.FullName);
            }

            await ImportGuard.EnsureImportAllowedAsync(services.GetRequiredService<DatabaseModeStore>(), parse.GetValue(force));
            var started = Stopwatch.StartNew();
            await using var json = path.OpenRead();
            CatalogueImportResult result;
            try
            {
                result = await services.GetRequiredService<CatalogueImporter>().ImportAsync(json, ImportGuard.Operator("import-catalogue"), parse.GetValue(province), ct);
            }
            catch (JsonException e)
            {
                // Where to look in the file is what an operator needs; the parser's own wording is for developers.
                throw new CommandLineException($"{path.Name} is not valid JSON: line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}");
            }

            if (result.Provinces + result.Districts + result.Wards == 0)
            {
                throw new CommandLineException(parse.GetValue(province) is { } id ? $"province '{id}' is not in {path.Name}" : $"{path.Name} holds no units");
            }

            await services.GetRequiredService<DatabaseModeStore>().MarkImportedAsync(ImportGuard.Operator("import-catalogue"));
            Console.WriteLine(result.Districts > 0
                ? $"Imported {result.Provinces:N0} provinces, {result.Districts:N0} districts and {result.Wards:N0} wards in {started.Elapsed.TotalSeconds:N1} s."
                : $"Imported {result.Provinces:N0} provinces and {result.Wards:N0} communes and wards in {started.Elapsed.TotalSeconds:N1} s.");
            return CommandRunner.Ok;
        }, cancellationToken));
        return command;
    }
}
