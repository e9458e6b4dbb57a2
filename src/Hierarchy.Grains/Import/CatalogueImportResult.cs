namespace Hierarchy.Grains.Import;

public sealed record CatalogueImportResult(int Provinces, int Districts, int Wards);
