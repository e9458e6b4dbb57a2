using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Hierarchy.Grains.Import;
using Hierarchy.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Silo.Commands;

/// <summary><c>import-units FILE.csv</c>: party organisations and branches that no catalogue lists, at any depth; all rows or none.</summary>
public static class ImportUnitsCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "UTF-8 CSV with the header parentId,unitId,name,kind (a kind starting with 'Chi bộ' is a branch)." };
        var force = new Option<bool>("--force") { Description = "Import even into a demo database." };
        var command = new Command("import-units", "Import party organisations outside the catalogue (Đảng bộ khối, grassroots organisations, branches) from CSV; a bad row imports nothing.") { file, force };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunWithGrainsAsync(parse, async (services, _) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new FileNotFoundException(null, path.FullName);
            }

            await ImportGuard.EnsureImportAllowedAsync(services.GetRequiredService<DatabaseModeStore>(), parse.GetValue(force));
            var started = Stopwatch.StartNew();
            using var reader = new StreamReader(path.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var result = await services.GetRequiredService<UnitCsvImporter>().ImportAsync(reader, ImportGuard.Operator("import-units"));
            await services.GetRequiredService<DatabaseModeStore>().MarkImportedAsync(ImportGuard.Operator("import-units"));
            Console.WriteLine($"Imported {result.Organisations:N0} organisations and {result.Branches:N0} branches in {started.Elapsed.TotalSeconds:N1} s.");
            return CommandRunner.Ok;
        }, cancellationToken));
        return command;
    }
}
