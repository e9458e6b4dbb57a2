namespace Hierarchy.Silo.Access;

public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>
    /// How long a token lookup is remembered. Short on purpose: a token revoked from the command line while the
    /// server runs stops working within this time.
    /// </summary>
    public TimeSpan TokenCacheDuration { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Whether reads without a token are allowed from loopback on a demo database (never on imported data).</summary>
    public bool AnonymousDemoReads { get; set; } = true;
}
