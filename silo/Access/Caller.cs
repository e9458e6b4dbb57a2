namespace Hierarchy.Silo.Access;

/// <summary>Who is asking: a user with a token, or an anonymous reader of a demo database on this machine.</summary>
public sealed record Caller(UserRecord? User)
{
    public static Caller AnonymousDemoReader { get; } = new((UserRecord?)null);

    public bool IsAnonymous => User is null;

    /// <summary>The unit the caller acts for; null for anonymous readers and for admins, who are bound to none.</summary>
    public string? UnitId => User is { UnitId.Length: > 0 } user ? user.UnitId : null;

    public bool IsAdmin => User?.Role == SiloRole.Admin;

    public SiloRole? Role => User?.Role;

    /// <summary>The "by" of every change this caller makes: the audit log shows it.</summary>
    public string AuditName => User?.AuditName ?? "anonymous";
}
