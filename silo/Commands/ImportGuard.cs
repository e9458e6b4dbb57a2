using Hierarchy.Silo.Storage;

namespace Hierarchy.Silo.Commands;

/// <summary>Real data does not go into a demo database unless the operator insists: the two would be mixed for good.</summary>
public static class ImportGuard
{
    public static async Task EnsureImportAllowedAsync(DatabaseModeStore modes, bool force)
    {
        var mode = await modes.GetAsync();
        if (mode.Mode == DatabaseMode.Demo && !force)
        {
            throw new CommandLineException(
                "This is a demo database; importing real data would mix it with the demo. Use a fresh database (Storage:Sqlite:Path), or pass --force to import anyway (the simulator then stops for good).");
        }
    }

    public static string Operator(string command) => $"{command} ({Environment.UserName}@{Environment.MachineName})";
}
