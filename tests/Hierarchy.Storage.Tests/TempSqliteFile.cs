namespace Hierarchy.Storage.Tests;

/// <summary>A database path in a fresh temporary folder, deleted with the folder (and the WAL files) at dispose.</summary>
public sealed class TempSqliteFile : IDisposable
{
    private readonly string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hierarchy-tests", Guid.NewGuid().ToString("N"));

    public TempSqliteFile()
    {
        Path = System.IO.Path.Combine(folder, "grains.db");
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
