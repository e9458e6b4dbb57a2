using System.CommandLine;

namespace Hierarchy.Silo.Commands;

/// <summary>The silo's command line: serving is the default; every sub-command works on the same configured storage.</summary>
public static class SiloCommandLine
{
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "Hierarchy silo: party-member development tracked across the party hierarchy in real time.\n" +
            "Settings come from appsettings.json, environment variables (Storage__Provider) and --Section:Key=value options.")
        {
            ServeCommand.Create(),
            ImportCatalogueCommand.Create(),
            ImportBranchesCommand.Create(),
            ImportIndicatorsCommand.Create(),
            ImportUnitsCommand.Create(),
            RestructureCommand.Create(),
            DemoDataCommand.Create(),
            VerifyCommand.Create(),
            UsersCommand.Create(),
            BackupCommand.Create(),
            Bench.BenchCommand.Create(),
        };
        ServeCommand.AddOptions(root);
        root.SetAction(ServeCommand.RunAsync);
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One clear line, not the whole help text.
            var message = string.Join(' ', parse.Errors[0].Message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Console.Error.WriteLine($"error: {message} (see --help)");
            return Commands.CommandRunner.Usage;
        }

        // The host handles Ctrl+C and SIGTERM itself and shuts down gracefully (deactivating grains, releasing the lease);
        // System.CommandLine's own handler would end the process two seconds in, half-way through that.
        return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }
}
