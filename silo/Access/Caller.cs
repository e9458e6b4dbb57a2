namespace Hierarchy.Silo.Access;

/// <summary>Who is asking: a user with a token, or an anonymous reader of a demo database on this machine.</summary>
public sealed record Caller(UserRecord? User)
{
    public static Caller AnonymousDemoReader { get; } = new((UserRecord?)null);

    public bool IsAnonymous => User is null;

    public string? UnitId => User?.UnitId;

    public SiloRole? Role => User?.Role;

    /// <summary>The "by" of every change this caller makes: the audit log shows it.</summary>
    public string AuditName => User?.AuditName ?? "anonymous";
}
