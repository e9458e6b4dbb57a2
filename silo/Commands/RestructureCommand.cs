using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hierarchy.Grains.Import;
using Hierarchy.Grains.Reform;
using Hierarchy.Grains.Units;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Silo.Commands;

/// <summary>
/// <c>restructure --catalogue F --conversion F --on DATE [--branches F] [--dry-run]</c>: moves a database from the old
/// tree to the new one in one recorded operation that finishes where it stopped when run again.
/// </summary>
public static class RestructureCommand
{
    public static Command Create()
    {
        var catalogue = new Option<FileInfo>("--catalogue") { Description = "The new two-level catalogue (dvhc-2025.json).", HelpName = "FILE", Required = true };
        var conversion = new Option<FileInfo>("--conversion") { Description = "The official conversion table from old wards to new units (dvhc-2025-conversion.csv).", HelpName = "FILE", Required = true };
        var on = new Option<string>("--on") { Description = "The first day of the new tree (2025-07-01); the old units' last day is the day before.", HelpName = "YYYY-MM-DD", Required = true };
        var branches = new Option<FileInfo?>("--branches") { Description = "branchId,newUnitId for branches of split wards and of wards the table does not list.", HelpName = "FILE" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would move where and change nothing." };
        var command = new Command("restructure", "Move the database to the restructured tree: old units are kept with their figures, branches move under the new units.")
        {
            catalogue, conversion, on, branches, dryRun,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunWithGrainsAsync(parse, async (services, ct) =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(on), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw new CommandLineException($"--on '{parse.GetValue(on)}' is not a date in the form yyyy-MM-dd.");
            }

            var files = new[] { parse.GetValue(catalogue)!, parse.GetValue(conversion)! }.Concat(parse.GetValue(branches) is { } b ? [b] : []);
            if (files.FirstOrDefault(f => !f.Exists) is { } missing)
            {
                throw new FileNotFoundException(null, missing.FullName);
            }

            var service = services.GetRequiredService<RestructureService>();
            if (await service.Record(day).GetAsync() is { Status: RestructureStatus.Completed } done)
            {
                Console.WriteLine($"The database was restructured on {day:yyyy-MM-dd} already (finished {done.CompletedAt:yyyy-MM-dd HH:mm} UTC by {done.By}); nothing to do.");
                return CommandRunner.Ok;
            }

            var started = Stopwatch.StartNew();
            if (await service.Record(day).GetAsync() is { Status: RestructureStatus.Started, Plan: { } recorded } interrupted)
            {
                // The tree is half changed: the plan decided before the first change is the one to finish.
                if (parse.GetValue(dryRun))
                {
                    Console.WriteLine($"A restructuring on {day:yyyy-MM-dd} started {interrupted.StartedAt:yyyy-MM-dd HH:mm} UTC and was interrupted; run the command without --dry-run to finish it. Nothing was changed.");
                    return CommandRunner.Ok;
                }

                var finished = await service.RunAsync(recorded, ImportGuard.Operator("restructure"), ct);
                Console.WriteLine(Summary(day, finished, started.Elapsed));
                return CommandRunner.Ok;
            }

            IReadOnlyList<UnitDefinition> units;
            await using (var json = parse.GetValue(catalogue)!.OpenRead())
            {
                units = await CatalogueReader.ReadAsync(json, cancellationToken: ct);
            }

            ConversionTable table;
            using (var reader = new StreamReader(parse.GetValue(conversion)!.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            {
                table = ConversionTable.Read(reader);
            }

            var mapping = BranchMapping.Empty;
            if (parse.GetValue(branches) is { } mappingFile)
            {
                using var reader = new StreamReader(mappingFile.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                mapping = BranchMapping.Read(reader);
            }

            var proposal = await service.ProposeAsync(units, table, mapping, day);
            foreach (var ward in proposal.WardsWithoutRow)
            {
                Console.WriteLine($"note: {JsonNames.Of(ward.Level)} {ward.Id} ({ward.Name}) has no row in the conversion table; its branches must be named in --branches");
            }

            if (!proposal.CanRun)
            {
                foreach (var error in proposal.MappingErrors)
                {
                    CommandRunner.Fail($"{parse.GetValue(branches)!.Name}: {error}");
                }

                foreach (var open in proposal.Unresolved)
                {
                    var why = open.Candidates.Count == 0 ? "which has no row in the conversion table" : "which was split";
                    var candidates = open.Candidates.Count == 0 ? "none in the table" : string.Join(", ", open.Candidates.Select(c => $"{c.Id} {c.Name}"));
                    CommandRunner.Fail($"branch {open.UnitId} ({open.Name}) of {open.FromId} ({open.FromName}), {why}: name it in --branches; candidates: {candidates}");
                }

                Console.Error.WriteLine($"error: nothing was changed; {proposal.Unresolved.Count:N0} branches need a new unit and {proposal.MappingErrors.Count:N0} lines of the mapping are wrong");
                return CommandRunner.Failed;
            }

            var plan = proposal.Plan;
            var newNames = units.ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
            if (parse.GetValue(dryRun))
            {
                var output = new StringBuilder();
                foreach (var move in plan.Moves)
                {
                    output.Append(CultureInfo.InvariantCulture, $"move {move.UnitId} ({proposal.OldNames.GetValueOrDefault(move.UnitId)}) from {move.FromId} ({proposal.OldNames.GetValueOrDefault(move.FromId)}) to {move.ToId} ({newNames.GetValueOrDefault(move.ToId)})").AppendLine();
                }

                foreach (var former in plan.Former.Where(f => f.ArchiveId != f.Id))
                {
                    output.Append(CultureInfo.InvariantCulture, $"keep {former.Id} ({former.Name}) as {former.ArchiveId}; {former.Id} becomes {newNames[former.Id]}").AppendLine();
                }

                Console.Write(output);
                Console.WriteLine($"Dry run: would keep {plan.Former.Count:N0} former units, form {plan.Successors.Count:N0} new units and move {plan.Moves.Count:N0} branches and organisations; nothing was changed.");
                return CommandRunner.Ok;
            }

            var result = await service.RunAsync(plan, ImportGuard.Operator("restructure"), ct);
            Console.WriteLine(Summary(day, result, started.Elapsed));
            return CommandRunner.Ok;
        }, cancellationToken));
        return command;
    }

    private static string Summary(DateOnly day, RestructureResult result, TimeSpan elapsed) =>
        $"Restructured on {day:yyyy-MM-dd}{(result.Resumed ? " (finishing an interrupted run)" : "")}: kept {result.FormerUnits:N0} former units, formed {result.NewUnits:N0} new units, " +
        $"moved {result.Moved:N0} branches and organisations and set {result.QuotasSet:N0} quotas in {elapsed.TotalSeconds:N1} s.";
}
