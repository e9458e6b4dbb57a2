namespace Hierarchy.Silo.Storage;

/// <summary>The durable marker of a database's mode ("silo.system/mode").</summary>
public sealed class ModeRecord
{
    public DatabaseMode Mode { get; set; }

    /// <summary>For a demo: "province:48" or "country".</summary>
    public string? Scope { get; set; }

    /// <summary>For a demo: whether generation finished. A demo interrupted half-way is generated again (it is deterministic and idempotent).</summary>
    public bool Loaded { get; set; }

    public DateTimeOffset Since { get; set; }

    public string By { get; set; } = "";
}
