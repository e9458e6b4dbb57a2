namespace Hierarchy.Grains.Demo;

public sealed class DemoDataOptions
{
    /// <summary>The province to generate; null with <see cref="Country"/> for all 63.</summary>
    public string? ProvinceId { get; set; } = "48";

    public bool Country { get; set; }

    public int Year { get; set; } = DateTime.Today.Year;

    /// <summary>Whether to report admissions spread over the year so far (and over the whole previous year).</summary>
    public bool WithAdmissions { get; set; } = true;

    public int Seed { get; set; } = 2025;

    public required string CataloguePath { get; set; }
}
