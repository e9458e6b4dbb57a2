namespace Hierarchy.Silo.Demo;

/// <summary>The "Demo" section: what a fresh database is filled with when the silo serves it for the first time.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Load a demo into an empty database at start. Never touches a database that holds anything else.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>"province" (one province, fast) or "country" (all 63; takes a while).</summary>
    public string Scope { get; set; } = "province";

    /// <summary>The province of a one-province demo; Đà Nẵng by default.</summary>
    public string Province { get; set; } = "48";

    /// <summary>
    /// Which official catalogue the demo is built on when no path is given: <c>dvhcvn</c> (before the 2025 reform:
    /// province, district, ward) or <c>2025</c> (after it: province, commune).
    /// </summary>
    public string Catalogue { get; set; } = CatalogueLocator.BeforeReform;

    /// <summary>The official catalogue; when empty it is looked for as shared/data/dvhcvn.json (or dvhc-2025.json) above the working directory and the program.</summary>
    public string? CataloguePath { get; set; }

    public bool WithAdmissions { get; set; } = true;

    public int Seed { get; set; } = 2025;

    /// <summary>Create fresh demo tokens (committee, board, branch) at every start and print them.</summary>
    public bool Tokens { get; set; } = true;

    public SimulatorOptions Simulator { get; set; } = new();
}
