namespace Hierarchy.Silo.Access;

/// <summary>A user as stored: only the SHA-256 hash of the token is kept, never the token.</summary>
public sealed class UserRecord
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The unit the user acts for; empty for an admin, who is bound to none.</summary>
    public string UnitId { get; set; } = "";

    public SiloRole Role { get; set; }

    public string TokenHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    /// <summary>Made by the demo at start; replaced at the next start so a demo never piles up tokens.</summary>
    public bool Demo { get; set; }

    public bool IsActive => RevokedAt is null && Id.Length > 0;

    /// <summary>How the audit log names this user: the name and the id, so two people with one name stay apart.</summary>
    public string AuditName => $"{Name} ({Id})";
}
