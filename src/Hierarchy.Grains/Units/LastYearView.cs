namespace Hierarchy.Grains.Units;

/// <summary>The same period of the previous year: admissions up to the same week, and that year's quota.</summary>
[GenerateSerializer, Immutable]
public sealed record LastYearView(int Admitted, int Quota, int AdmittedFullYear);
