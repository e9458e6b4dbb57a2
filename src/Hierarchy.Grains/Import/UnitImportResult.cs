namespace Hierarchy.Grains.Import;

public sealed record UnitImportResult(int Organisations, int Branches);
