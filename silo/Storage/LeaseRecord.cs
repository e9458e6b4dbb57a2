namespace Hierarchy.Silo.Storage;

/// <summary>Who is serving a database right now ("silo.system/lease"), renewed by heartbeat.</summary>
public sealed class LeaseRecord
{
    public string Owner { get; set; } = "";

    public DateTimeOffset HeartbeatAt { get; set; }

    public bool Released { get; set; }
}
