using System.CommandLine;
using System.Diagnostics;
using Hierarchy.Grains.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace Hierarchy.Silo.Commands;

/// <summary><c>verify [--repair]</c>: rebuilds every total from the admission ledger and reports each difference.</summary>
public static class VerifyCommand
{
    private const int ShownDifferences = 50;

    public static Command Create()
    {
        var repair = new Option<bool>("--repair") { Description = "Fix the differences through the grains (branches rebuild from their ledgers)." };
        var command = new Command("verify", "Check that every unit's totals equal the sum over the admission ledger; exit 1 on any difference.") { repair };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) => CommandRunner.RunWithGrainsAsync(parse, async (services, ct) =>
        {
            var started = Stopwatch.StartNew();
            var report = await services.GetRequiredService<LedgerVerifier>().VerifyAsync(parse.GetValue(repair), ct);
            Console.WriteLine($"Checked {report.UnitsChecked:N0} units against {report.LedgerAdmissions:N0} ledger admissions and {report.LedgerCorrections:N0} corrections in {started.Elapsed.TotalSeconds:N1} s.");
            foreach (var difference in report.Differences.Take(ShownDifferences))
            {
                Console.WriteLine($"  {difference.UnitId} {difference.Year}: ledger {difference.ExpectedAdmitted:N0}, unit {difference.ActualAdmitted:N0} ({difference.Detail})");
            }

            if (report.Differences.Count > ShownDifferences)
            {
                Console.WriteLine($"  … and {report.Differences.Count - ShownDifferences:N0} more");
            }

            if (report.IsConsistent)
            {
                Console.WriteLine(report.Repaired ? "Repaired: every total now equals the ledger." : "Consistent: every total equals the ledger.");
                return CommandRunner.Ok;
            }

            Console.Error.WriteLine(report.Repaired
                ? $"error: {report.Differences.Count:N0} differences remain after repair"
                : $"error: {report.Differences.Count:N0} differences; run verify --repair to fix them");
            return CommandRunner.Failed;
        }, cancellationToken));
        return command;
    }
}
