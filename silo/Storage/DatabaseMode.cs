namespace Hierarchy.Silo.Storage;

/// <summary>What a database holds: nothing yet, the generated demo (which the simulator may write to), or real imported data (which nothing automatic ever touches).</summary>
public enum DatabaseMode
{
    Empty,
    Demo,
    Imported,
}
